package dev.outband.wsman.tls;

import dev.outband.wsman.WsmanException;
import java.security.cert.CertificateException;
import java.util.Optional;

/** Why our trust manager refused a certificate; carried through the TLS stack as its cause. */
public final class TrustFailure extends CertificateException {
    public enum Kind { SUBJECT_MISMATCH, UNTRUSTED_ROOT, UNKNOWN_CERTIFICATE }

    private final Kind kind;
    private final String host;
    private final String subject;
    private final String sha256;

    public TrustFailure(Kind kind, String host, String subject, String sha256, Throwable cause) {
        super(kind + " " + subject, cause);
        this.kind = kind;
        this.host = host;
        this.subject = subject;
        this.sha256 = sha256;
    }

    /** The trust failure behind a TLS error, when our trust manager is what refused the handshake. */
    public static Optional<TrustFailure> causing(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TrustFailure f) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public Kind kind() {
        return kind;
    }

    public WsmanException toWsmanException() {
        return switch (kind) {
            case SUBJECT_MISMATCH -> new WsmanException.SubjectMismatch(host, subject, sha256);
            case UNTRUSTED_ROOT -> new WsmanException.UntrustedRoot(subject, sha256, getCause());
            case UNKNOWN_CERTIFICATE -> new WsmanException.UnknownCertificate(sha256, subject);
        };
    }
}
