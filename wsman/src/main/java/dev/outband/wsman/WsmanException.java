package dev.outband.wsman;

import java.io.IOException;

/** A WS-Man call failed; the message is in a technician's words. */
public abstract sealed class WsmanException extends IOException
        permits WsmanException.NetworkTimeout, WsmanException.CertificateRejected, WsmanException.CredentialsRejected,
                WsmanException.NoCredentials, WsmanException.UnsupportedAuthentication, WsmanException.MalformedReply,
                WsmanException.Unreachable, SoapFaultException, ReturnValueException {

    protected WsmanException(String message, Throwable cause) {
        super(message, cause);
    }

    public static final class NetworkTimeout extends WsmanException {
        public NetworkTimeout(Throwable cause) {
            super("Network timeout", cause);
        }
    }

    /**
     * The device's TLS certificate was refused. Carries what it presented, so the console can show the
     * fingerprint and, if the technician accepts it, pin exactly that certificate.
     */
    public abstract static sealed class CertificateRejected extends WsmanException
            permits SubjectMismatch, UntrustedRoot, UnknownCertificate {
        private final String subject;
        private final String sha256;

        CertificateRejected(String message, String subject, String sha256, Throwable cause) {
            super(message, cause);
            this.subject = subject;
            this.sha256 = sha256;
        }

        public String subject() {
            return subject;
        }

        /** SHA-256 of the presented leaf certificate, lower-case hex. */
        public String sha256() {
            return sha256;
        }
    }

    public static final class SubjectMismatch extends CertificateRejected {
        public SubjectMismatch(String host, String subject, String sha256) {
            super("FQDN/IP does not match AMT certificate subject (" + host + " vs " + subject + ")", subject, sha256,
                    null);
        }
    }

    public static final class UntrustedRoot extends CertificateRejected {
        public UntrustedRoot(String subject, String sha256, Throwable cause) {
            super("AMT root certificate does not match the trusted CA", subject, sha256, cause);
        }
    }

    /** The device presented a certificate nobody has accepted yet; the UI may ask and then pin it. */
    public static final class UnknownCertificate extends CertificateRejected {
        public UnknownCertificate(String sha256, String subject) {
            super("Unknown AMT certificate " + subject + " SHA-256 " + sha256, subject, sha256, null);
        }
    }

    public static final class CredentialsRejected extends WsmanException {
        public CredentialsRejected() {
            super("Error validating management credentials", null);
        }
    }

    public static final class NoCredentials extends WsmanException {
        public NoCredentials() {
            super("No credentials found", null);
        }
    }

    /** The device asks for an authentication we cannot answer (an unknown digest algorithm, Negotiate only). */
    public static final class UnsupportedAuthentication extends WsmanException {
        public UnsupportedAuthentication(String what) {
            super("Cannot authenticate to AMT: " + what, null);
        }
    }

    public static final class MalformedReply extends WsmanException {
        public MalformedReply(String what, Throwable cause) {
            super("Malformed reply from AMT: " + what, cause);
        }
    }

    public static final class Unreachable extends WsmanException {
        public Unreachable(String what, Throwable cause) {
            super("AMT device not reachable: " + what, cause);
        }
    }
}
