package dev.outband.cira.listener;

import dev.outband.cira.apf.DeviceUuid;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Makes sockets that are APF channels to one device; the address only supplies the port. */
final class CiraSocketFactory extends SocketFactory {
    private final CiraListener listener;
    private final DeviceUuid uuid;

    CiraSocketFactory(CiraListener listener, DeviceUuid uuid) {
        this.listener = listener;
        this.uuid = uuid;
    }

    /** Unconnected, as OkHttp wants it: it calls {@code connect(address, timeout)} next. */
    @Override
    public Socket createSocket() {
        return new ChannelSocket(listener, uuid);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(InetSocketAddress.createUnresolved(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(InetSocketAddress.createUnresolved(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress target) throws IOException {
        ChannelSocket socket = new ChannelSocket(listener, uuid);
        socket.connect(target, 0);
        return socket;
    }
}
