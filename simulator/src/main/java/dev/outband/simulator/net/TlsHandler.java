package dev.outband.simulator.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A device's TLS port (16993/16995-like) on any byte stream: the server side of the handshake, then the
 * plain handler. A CIRA channel has no server socket to accept TLS on, only the channel's two streams.
 */
public final class TlsHandler implements ConnectionHandler {
    private final SSLContext tls;
    private final ConnectionHandler plain;

    public TlsHandler(SSLContext tls, ConnectionHandler plain) {
        this.tls = tls;
        this.plain = plain;
    }

    @Override
    public void serve(InputStream in, OutputStream out) throws IOException {
        // The JDK layers TLS only over a Socket, so the streams are dressed as a connected one.
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(new StreamSocket(in, out), null, true)) {
            socket.setUseClientMode(false);
            socket.startHandshake();
            plain.serve(socket.getInputStream(), socket.getOutputStream());
        }
    }

    /** Two streams as a connected socket; closing it closes both. */
    private static final class StreamSocket extends Socket {
        private final InputStream in;
        private final OutputStream out;
        private volatile boolean closed;

        StreamSocket(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public void setSoTimeout(int timeout) {
            // A stream has no read timeout to set; the CIRA channel keeps its own.
        }

        @Override
        public int getSoTimeout() {
            return 0;
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            try (in; out) {
                // Both streams closed, even when one fails.
            }
        }
    }
}
