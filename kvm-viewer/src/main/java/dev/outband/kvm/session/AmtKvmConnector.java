package dev.outband.kvm.session;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionClient;
import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.RfbSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Opens AMT KVM: redirection handshake (ports 16994/16995, a CIRA channel, a relay), then RFB. The SocketFactory
 * decides the transport.
 */
public final class AmtKvmConnector {
    public static final int PORT = 16994;
    public static final int TLS_PORT = 16995;

    private AmtKvmConnector() {}

    /**
     * Connects and runs both handshakes, together within {@code timeout}; the handshakes alone also within
     * {@link RfbSettings#handshakeTimeout()}.
     */
    public static RfbSession open(SocketFactory factory, String host, int port, AmtCredentials credentials,
            AmtColourMode mode, boolean intelExtensions, Duration timeout) throws IOException {
        RfbOptions options = options(mode, intelExtensions);
        return Connections.open(factory, host, port, timeout, options.settings().handshakeTimeout(),
                "the device did not complete the KVM handshake", socket -> {
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    RedirectionClient.openKvm(in, out, credentials);
                    return RfbSession.open(in, out, socket, options);
                });
    }

    /** AMT: ZRLE and Raw only, shared, the colour mode's pixel format. */
    public static RfbOptions options(AmtColourMode mode, boolean intelExtensions) {
        return new RfbOptions(mode::formatFor, List.of(Encoding.ZRLE, Encoding.RAW), null, true, intelExtensions,
                RfbSettings.defaults());
    }
}
