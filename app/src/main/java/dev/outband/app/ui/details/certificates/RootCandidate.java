package dev.outband.app.ui.details.certificates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;

/** Pasted text as a trusted root: the certificate, or what keeps it from being one (problem is null when it can be added). */
record RootCandidate(X509Certificate certificate, String problem) {
    /** Far above any CA certificate; keeps a huge paste from being parsed. */
    private static final int MAX_CHARS = 64 * 1024;

    static RootCandidate read(String text) {
        if (text == null || text.isBlank()) {
            return new RootCandidate(null, "Paste a certificate in PEM form.");
        }
        if (text.length() > MAX_CHARS) {
            return new RootCandidate(null, "That is far longer than a certificate.");
        }
        Collection<? extends java.security.cert.Certificate> all;
        try {
            all = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | RuntimeException e) {
            return new RootCandidate(null, "This is not a PEM certificate.");
        }
        if (all.size() != 1 || !(all.iterator().next() instanceof X509Certificate cert)) {
            return new RootCandidate(null, all.isEmpty() ? "This is not a PEM certificate."
                    : "Paste one certificate, not " + all.size() + ".");
        }
        if (cert.getBasicConstraints() < 0) {
            return new RootCandidate(cert, "This is not a CA certificate: a trusted root must be one.");
        }
        if (cert.getNotAfter().toInstant().isBefore(Instant.now())) {
            return new RootCandidate(cert, "This certificate expired on " + cert.getNotAfter().toInstant() + ".");
        }
        return new RootCandidate(cert, null);
    }
}
