package dev.outband.kvm.rfb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback RFB 3.8 server that sends a fixed script after a security-None handshake. */
final class ScriptedServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();

    ScriptedServer(byte[] serverInit, byte[] script, boolean closeAfter) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            try (Socket s = server.accept()) {
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                handshake(in, out, serverInit);
                // take the client's opening messages first, so it is reading when the script arrives
                s.setSoTimeout(300);
                try {
                    record(in, 20 + 4 + 4 * 10 + 10);
                } catch (java.net.SocketTimeoutException fewerMessages) {
                    // fine: fewer encodings than the default list, or a session not started
                }
                s.setSoTimeout(0);
                out.write(script);
                out.flush();
                if (!closeAfter) {
                    record(in, Integer.MAX_VALUE);
                }
            } catch (IOException ignored) {
                // the client hung up, which is what these tests provoke
            }
        });
    }

    /** The server's side of an RFB 3.8 handshake with security None, up to and with its ServerInit. */
    static void handshake(InputStream in, OutputStream out, byte[] serverInit) throws IOException {
        out.write("RFB 003.008\n".getBytes());
        in.readNBytes(12);
        out.write(new byte[] {1, SecurityType.NONE});
        in.readNBytes(1);
        out.write(new byte[4]);
        in.readNBytes(1);
        out.write(serverInit);
        out.flush();
    }

    static byte[] serverInit(int w, int h) {
        return RfbCodec.encode(new ServerInit(w, h, PixelFormat.RGB888, "scripted"));
    }

    private void record(InputStream in, int atMost) throws IOException {
        byte[] chunk = new byte[256];
        int total = 0;
        for (int n; total < atMost && (n = in.read(chunk, 0, Math.min(chunk.length, atMost - total))) > 0; ) {
            total += n;
            synchronized (received) {
                received.write(chunk, 0, n);
            }
        }
    }

    /** What the client sent after ClientInit (and, with a script, after its opening messages). */
    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    Socket connect() throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(2000);
    }
}
