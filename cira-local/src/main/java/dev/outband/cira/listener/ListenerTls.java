package dev.outband.cira.listener;

import dev.outband.wsman.tls.LegacyTls;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listener's TLS policy: TLS 1.2+ unless legacy mode admits old AMT firmware. */
final class ListenerTls {
    private static final Logger log = LoggerFactory.getLogger(ListenerTls.class);
    /** RSA key exchange suites that AMT 6–10 firmware offers. */
    private static final List<String> LEGACY_SUITES = List.of(
            "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA");
    private static final int BACKLOG = 1024;

    private ListenerTls() {
    }

    static SSLServerSocket bind(ListenerSettings settings, ServerIdentity identity)
            throws IOException, GeneralSecurityException {
        SSLContext context = identity.sslContext();
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(settings.port(), BACKLOG, settings.bindAddress());
        Set<String> supported = Set.of(server.getSupportedProtocols());
        List<String> protocols = settings.legacyTls() ? LegacyTls.LEGACY_PROTOCOLS : LegacyTls.MODERN_PROTOCOLS;
        List<String> suites = new ArrayList<>(Arrays.asList(server.getEnabledCipherSuites()));
        if (settings.legacyTls()) {
            Set<String> supportedSuites = Set.of(server.getSupportedCipherSuites());
            List<String> usable = LEGACY_SUITES.stream().filter(supportedSuites::contains).toList();
            usable.stream().filter(s -> !suites.contains(s)).forEach(suites::add);
            if (usable.isEmpty()) {
                // Recent JDKs list these in jdk.tls.disabledAlgorithms; LegacyTls lifts that only at start-up.
                log.warn("legacy TLS: this JVM disables RSA key exchange; allow legacy TLS when the process starts"
                        + " (the console's Options menu, or 'cira listen --legacy-tls') to serve old AMT firmware");
            }
        }
        server.setEnabledProtocols(protocols.stream().filter(supported::contains).toArray(String[]::new));
        server.setEnabledCipherSuites(suites.toArray(String[]::new));
        // Devices provisioned with a lab CA certificate may show it; password auth decides either way.
        server.setWantClientAuth(true);
        return server;
    }
}
