package dev.outband.kvm.session;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionClient;
import dev.outband.kvm.redirection.SessionType;
import dev.outband.kvm.sol.SolSession;
import dev.outband.kvm.sol.SolSettings;
import java.io.IOException;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Opens AMT Serial-over-LAN: the redirection handshake for "SOL " on 16994/16995 (or a CIRA channel to them),
 * then the SOL start. The SocketFactory decides the transport.
 */
public final class AmtSolConnector {
    private AmtSolConnector() {}

    /** Connects and starts SOL within {@code timeout}, the handshake alone also within the settings' own limit. */
    public static SolSession open(SocketFactory factory, String host, int port, AmtCredentials credentials,
            SolSettings settings, Duration timeout) throws IOException {
        return Connections.open(factory, host, port, timeout, settings.handshakeTimeout(),
                "the device did not start Serial-over-LAN", socket -> {
                    RedirectionClient.open(socket.getInputStream(), socket.getOutputStream(), SessionType.SOL,
                            credentials);
                    return SolSession.start(socket.getInputStream(), socket.getOutputStream(), socket, settings);
                });
    }
}
