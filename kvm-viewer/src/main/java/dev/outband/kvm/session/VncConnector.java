package dev.outband.kvm.session;

import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;

/** Opens a standard VNC/RFB session (any VNC server, or AMT's port 5900) through a SocketFactory. */
public final class VncConnector {
    private VncConnector() {}

    public static RfbSession open(SocketFactory factory, String host, int port, RfbOptions options,
            Duration connectTimeout) throws IOException {
        Socket socket = factory.createSocket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            return RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket, options);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
