package dev.outband.kvm.session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS (port 16995) on top of any transport: the base factory's socket is wrapped with
 * {@code SSLSocketFactory.createSocket(socket, host, port, true)} once connected.
 */
public final class TlsSocketFactory extends SocketFactory {
    private final SocketFactory base;
    private final SSLSocketFactory tls;

    public TlsSocketFactory(SocketFactory base, SSLSocketFactory tls) {
        this.base = base;
        this.tls = tls;
    }

    @Override
    public Socket createSocket() throws IOException {
        return new LayeredSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tls.createSocket(base.createSocket(host, port), host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tls.createSocket(base.createSocket(host, port, localHost, localPort), host, port, true);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tls.createSocket(base.createSocket(host, port), host.getHostName(), port, true);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return tls.createSocket(base.createSocket(address, port, localAddress, localPort), address.getHostName(),
                port, true);
    }

    /** An unconnected socket that becomes TLS on connect; streams come from the TLS layer. */
    private final class LayeredSocket extends Socket {
        private Socket tlsSocket;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            Socket raw = base.createSocket();
            raw.connect(endpoint, timeout);
            java.net.InetSocketAddress a = (java.net.InetSocketAddress) endpoint;
            tlsSocket = tls.createSocket(raw, a.getHostString(), a.getPort(), true);
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
        public synchronized void close() throws IOException {
            if (tlsSocket != null) {
                tlsSocket.close();
            }
            super.close();
        }
    }
}
