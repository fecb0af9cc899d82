package dev.outband.cira.listener;

import dev.outband.wsman.tls.LegacyTls;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listener's TLS policy: TLS 1.2+ unless legacy mode admits old AMT firmware. TLS is layered over
 * plain accepted sockets so the listener keeps the TCP socket: closing it ends a connection at once,
 * even while a write to a peer that never reads holds the TLS engine's locks.
 */
final class ListenerTls {
    private static final Logger log = LoggerFactory.getLogger(ListenerTls.class);
    /** RSA key exchange suites that AMT 6–10 firmware offers. */
    private static final List<String> LEGACY_SUITES = List.of(
            "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA");
    private static final int BACKLOG = 1024;

    private final SSLContext context;
    private final String[] protocols;
    private final String[] suites;

    private ListenerTls(SSLContext context, String[] protocols, String[] suites) {
        this.context = context;
        this.protocols = protocols;
        this.suites = suites;
    }

    static ListenerTls of(ListenerSettings settings, ServerIdentity identity) throws GeneralSecurityException {
        SSLContext context = identity.sslContext();
        SSLParameters supportedParameters = context.getSupportedSSLParameters();
        Set<String> supported = Set.of(supportedParameters.getProtocols());
        List<String> protocols = settings.legacyTls() ? LegacyTls.LEGACY_PROTOCOLS : LegacyTls.MODERN_PROTOCOLS;
        List<String> suites = new ArrayList<>(Arrays.asList(context.getDefaultSSLParameters().getCipherSuites()));
        if (settings.legacyTls()) {
            Set<String> supportedSuites = Set.of(supportedParameters.getCipherSuites());
            List<String> usable = LEGACY_SUITES.stream().filter(supportedSuites::contains).toList();
            usable.stream().filter(s -> !suites.contains(s)).forEach(suites::add);
            if (usable.isEmpty()) {
                // Recent JDKs list these in jdk.tls.disabledAlgorithms; LegacyTls lifts that only at start-up.
                log.warn("legacy TLS: this JVM disables RSA key exchange; allow legacy TLS when the process starts"
                        + " (the console's Options menu, or 'cira listen --legacy-tls') to serve old AMT firmware");
            }
        }
        return new ListenerTls(context, protocols.stream().filter(supported::contains).toArray(String[]::new),
                suites.toArray(String[]::new));
    }

    static ServerSocket bind(ListenerSettings settings) throws IOException {
        return new ServerSocket(settings.port(), BACKLOG, settings.bindAddress());
    }

    /**
     * TLS in server mode over an accepted connection. Closing the TLS socket leaves {@code plain} open
     * (the caller closes it): a closing TLS socket that owns its connection first drains the peer's
     * unread input, up to the read timeout.
     */
    SSLSocket layer(Socket plain) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, null, false);
        socket.setEnabledProtocols(protocols);
        socket.setEnabledCipherSuites(suites);
        // Devices provisioned with a lab CA certificate may show it; password auth decides either way.
        socket.setWantClientAuth(true);
        return socket;
    }
}
