package dev.outband.wsman;

import java.io.IOException;

/** A WS-Man call failed; the message is in a technician's words. */
public abstract sealed class WsmanException extends IOException
        permits WsmanException.NetworkTimeout, WsmanException.SubjectMismatch, WsmanException.UntrustedRoot,
                WsmanException.UnknownCertificate, WsmanException.CredentialsRejected,
                WsmanException.NoCredentials, WsmanException.MalformedReply, WsmanException.Unreachable,
                SoapFaultException, ReturnValueException {

    protected WsmanException(String message, Throwable cause) {
        super(message, cause);
    }

    public static final class NetworkTimeout extends WsmanException {
        public NetworkTimeout(Throwable cause) {
            super("Network timeout", cause);
        }
    }

    public static final class SubjectMismatch extends WsmanException {
        public SubjectMismatch(String host, String subject) {
            super("FQDN/IP does not match AMT certificate subject (" + host + " vs " + subject + ")", null);
        }
    }

    public static final class UntrustedRoot extends WsmanException {
        public UntrustedRoot(Throwable cause) {
            super("AMT root certificate does not match the trusted CA", cause);
        }
    }

    /** The device presented a certificate nobody has accepted yet; the UI may ask and then pin it. */
    public static final class UnknownCertificate extends WsmanException {
        private final String sha256;
        private final String subject;

        public UnknownCertificate(String sha256, String subject) {
            super("Unknown AMT certificate " + subject + " SHA-256 " + sha256, null);
            this.sha256 = sha256;
            this.subject = subject;
        }

        public String sha256() {
            return sha256;
        }

        public String subject() {
            return subject;
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
