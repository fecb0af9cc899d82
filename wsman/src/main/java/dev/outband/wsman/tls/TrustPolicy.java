package dev.outband.wsman.tls;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;

/** How a device's TLS certificate is trusted. */
public sealed interface TrustPolicy {

    /** Chain must lead to one of these roots and name the host we dialled. */
    record TrustedRoots(List<X509Certificate> roots) implements TrustPolicy {
        public TrustedRoots {
            roots = List.copyOf(roots);
        }
    }

    /** Exactly the certificate with this SHA-256 (hex, any case, colons allowed). */
    record Pinned(String sha256) implements TrustPolicy {
        public Pinned {
            sha256 = sha256.replace(":", "").toLowerCase(Locale.ROOT);
        }
    }

    /** Nothing accepted yet: the first connection fails with the presented fingerprint so the user can decide. */
    record FirstUse() implements TrustPolicy {
    }
}
