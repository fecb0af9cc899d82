package dev.outband.kvm.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS (port 16995) on top of any transport: the base factory's socket is wrapped with
 * {@code SSLSocketFactory.createSocket(socket, host, port, true)} once connected, offering the given
 * protocols (or the JDK's defaults).
 */
public final class TlsSocketFactory extends SocketFactory {
    private final SocketFactory base;
    private final SSLSocketFactory tls;
    private final String[] protocols;

    public TlsSocketFactory(SocketFactory base, SSLSocketFactory tls) {
        this(base, tls, null);
    }

    /** {@code protocols} null keeps the JDK's defaults. */
    public TlsSocketFactory(SocketFactory base, SSLSocketFactory tls, List<String> protocols) {
        this.base = base;
        this.tls = tls;
        this.protocols = protocols == null ? null : protocols.toArray(String[]::new);
    }

    private Socket layer(Socket raw, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(raw, host, port, true);
        if (protocols != null) {
            socket.setEnabledProtocols(protocols);
        }
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return new LayeredSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return layer(base.createSocket(host, port), host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return layer(base.createSocket(host, port, localHost, localPort), host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return layer(base.createSocket(host, port), host.getHostName(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return layer(base.createSocket(address, port, localAddress, localPort), address.getHostName(), port);
    }

    /** An unconnected socket that becomes TLS on connect; streams come from the TLS layer. */
    private final class LayeredSocket extends Socket {
        private Socket tlsSocket;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            Socket raw = base.createSocket();
            raw.connect(endpoint, timeout);
            java.net.InetSocketAddress a = (java.net.InetSocketAddress) endpoint;
            tlsSocket = layer(raw, a.getHostString(), a.getPort());
        }

        @Override
        public java.io.InputStream getInputStream() throws IOException {
            return tlsSocket.getInputStream();
        }

        @Override
        public java.io.OutputStream getOutputStream() throws IOException {
            return tlsSocket.getOutputStream();
        }

        @Override
        public void setTcpNoDelay(boolean on) throws java.net.SocketException {
            tlsSocket.setTcpNoDelay(on);
        }

        @Override
        public void setSoTimeout(int timeout) throws java.net.SocketException {
            if (tlsSocket == null) {
                super.setSoTimeout(timeout);
            } else {
                tlsSocket.setSoTimeout(timeout);
            }
        }

        @Override
        public int getSoTimeout() throws java.net.SocketException {
            return tlsSocket == null ? super.getSoTimeout() : tlsSocket.getSoTimeout();
        }

        @Override
        public synchronized void close() throws IOException {
            if (tlsSocket != null) {
                tlsSocket.close();
            }
            super.close();
        }
    }
}
