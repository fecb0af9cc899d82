package dev.outband.kvm.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * A loopback peer that accepts one connection and then says nothing, or trickles the given bytes one at a
 * time, as a hung or hostile device would. Bounded: it stops at the end of its bytes or when closed.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private volatile Socket accepted;

    private SilentServer(byte[] trickle, Duration every) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                accepted = s;
                OutputStream out = s.getOutputStream();
                for (byte b : trickle) {
                    Thread.sleep(every);
                    out.write(b);
                    out.flush();
                }
                // Silent from here on until the test closes us or the client hangs up.
                while (s.getInputStream().read() >= 0) {
                    // Whatever the client sends is ignored.
                }
            } catch (IOException | InterruptedException ended) {
                // The client gave up or the test closed the server: both end the peer.
            }
        });
    }

    /** Accepts and never writes a byte. */
    public static SilentServer silent() throws IOException {
        return new SilentServer(new byte[0], Duration.ZERO);
    }

    /** Accepts and sends {@code bytes} one every {@code every}, then falls silent. */
    public static SilentServer trickling(byte[] bytes, Duration every) throws IOException {
        return new SilentServer(bytes, every);
    }

    public int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.close();
        Socket s = accepted;
        if (s != null) {
            s.close();
        }
        thread.join(Duration.ofSeconds(5));
    }
}
