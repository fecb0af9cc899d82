package dev.outband.wsman.tls;

import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLHandshakeException;

/**
 * AMT 11 and older speak only TLS 1.0/1.1 with RSA key exchange, which the JDK disables for the whole
 * JVM ({@code jdk.tls.disabledAlgorithms}). The technician's opt-in lifts exactly those entries, once,
 * before the first TLS connection; from then on each connection names the protocols it offers, so only
 * connections made in legacy mode ever offer the old ones.
 */
public final class LegacyTls {
    /** What every connection offers unless legacy mode is on. */
    public static final List<String> MODERN_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /** Legacy mode: the modern ones first, so a newer device still negotiates TLS 1.2 or 1.3. */
    public static final List<String> LEGACY_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    private static final String PROPERTY = "jdk.tls.disabledAlgorithms";
    private static final Set<String> LIFTED = Set.of("TLSv1", "TLSv1.1", "TLS_RSA_*");
    private static volatile boolean allowed;

    private LegacyTls() {
    }

    /**
     * Lifts the JDK's ban on TLS 1.0/1.1 and RSA key exchange. Takes effect only when called before this
     * JVM's first TLS handshake (the JDK reads the property once), hence a setting applied at start-up.
     */
    public static synchronized void allowInThisJvm() {
        String disabled = Security.getProperty(PROPERTY);
        if (disabled != null) {
            Security.setProperty(PROPERTY, withoutLegacyEntries(disabled));
        }
        allowed = true;
    }

    /** True once {@link #allowInThisJvm()} ran: connections may then offer {@link #LEGACY_PROTOCOLS}. */
    public static boolean allowed() {
        return allowed;
    }

    /** The protocols a connection made now should offer. */
    public static List<String> protocols() {
        return allowed ? LEGACY_PROTOCOLS : MODERN_PROTOCOLS;
    }

    /**
     * A failed handshake in a technician's words: with legacy TLS off, the likely cause (old firmware) and
     * the switch that fixes it. Empty when the error was no handshake failure.
     */
    public static Optional<String> explainHandshake(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException handshake) {
                return Optional.of("TLS handshake with the device failed (" + handshake.getMessage() + ")"
                        + (allowed ? "" : "; AMT 11 and older need legacy TLS, which is off"));
            }
        }
        return Optional.empty();
    }

    static String withoutLegacyEntries(String disabled) {
        return Arrays.stream(disabled.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty() && !LIFTED.contains(entry))
                .collect(Collectors.joining(", "));
    }
}
