package dev.outband.app.cira;

import dev.outband.wsman.tls.Certificates;
import java.security.cert.X509Certificate;
import java.util.Locale;

/** A certificate's SHA-256 fingerprint as technicians compare it: upper-case hex pairs joined by colons. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String sha256(X509Certificate certificate) {
        String hex = Certificates.sha256(certificate).toUpperCase(Locale.ROOT);
        StringBuilder text = new StringBuilder(hex.length() * 3 / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(hex, i, i + 2);
        }
        return text.toString();
    }
}
