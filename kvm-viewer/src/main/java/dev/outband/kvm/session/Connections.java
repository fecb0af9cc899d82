package dev.outband.kvm.session;

import dev.outband.kvm.rfb.HandshakeDeadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;

/** Connects a socket and runs a handshake on it, both within one time budget; the socket is closed on failure. */
final class Connections {
    /** What runs on the connected socket. */
    @FunctionalInterface
    interface Handshake<T> {
        T run(Socket socket) throws IOException;
    }

    private Connections() {}

    /**
     * @param timeout connecting and the handshake together
     * @param handshakeLimit the handshake alone, whatever is left of {@code timeout}
     * @param what the failure's words when the handshake overruns ("the device did not complete …")
     */
    static <T> T open(SocketFactory factory, String host, int port, Duration timeout, Duration handshakeLimit,
            String what, Handshake<T> handshake) throws IOException {
        long start = System.nanoTime();
        Socket socket = factory.createSocket();
        try {
            int connectMillis = (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
            socket.connect(new InetSocketAddress(host, port), connectMillis);
            socket.setTcpNoDelay(true);
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            Duration limit = left.compareTo(handshakeLimit) < 0 ? left : handshakeLimit;
            return HandshakeDeadline.run(socket, limit, what, () -> handshake.run(socket));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
