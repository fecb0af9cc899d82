package dev.outband.kvm.session;

import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import java.io.IOException;
import java.time.Duration;
import javax.net.SocketFactory;

/** Opens a standard VNC/RFB session (any VNC server, or AMT's port 5900) through a SocketFactory. */
public final class VncConnector {
    private VncConnector() {}

    /**
     * Connects and runs the RFB handshake, together within {@code timeout}; the handshake alone also within the
     * options' {@code handshakeTimeout}.
     */
    public static RfbSession open(SocketFactory factory, String host, int port, RfbOptions options,
            Duration timeout) throws IOException {
        return Connections.open(factory, host, port, timeout, options.settings().handshakeTimeout(),
                "the VNC server did not complete the RFB handshake",
                socket -> RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket, options));
    }
}
