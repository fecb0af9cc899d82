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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;

/**
 * Opens AMT KVM: redirection handshake (ports 16994/16995, a CIRA channel, a relay), then RFB.
 * The SocketFactory decides the transport; {@link #open(InputStream, OutputStream, java.io.Closeable,
 * AmtCredentials, AmtColourMode, boolean)} takes any already-connected duplex stream.
 */
public final class AmtKvmConnector {
    public static final int PORT = 16994;
    public static final int TLS_PORT = 16995;

    private AmtKvmConnector() {}

    public static RfbSession open(SocketFactory factory, String host, int port, AmtCredentials credentials,
            AmtColourMode mode, boolean intelExtensions, Duration connectTimeout) throws IOException {
        Socket socket = factory.createSocket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setTcpNoDelay(true);
            return open(socket.getInputStream(), socket.getOutputStream(), socket, credentials, mode, intelExtensions);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public static RfbSession open(InputStream in, OutputStream out, java.io.Closeable transport,
            AmtCredentials credentials, AmtColourMode mode, boolean intelExtensions) throws IOException {
        RedirectionClient.openKvm(in, out, credentials);
        return RfbSession.open(in, out, transport, options(mode, intelExtensions));
    }

    /** AMT: ZRLE and Raw only, shared, the colour mode's pixel format. */
    public static RfbOptions options(AmtColourMode mode, boolean intelExtensions) {
        return new RfbOptions(mode::formatFor, List.of(Encoding.ZRLE, Encoding.RAW), null, true, intelExtensions,
                RfbSettings.defaults());
    }
}
