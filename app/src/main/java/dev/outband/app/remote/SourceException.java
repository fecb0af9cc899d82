package dev.outband.app.remote;

import java.io.IOException;

/** A remote source failed; the message names the source and says what went wrong in a technician's words. */
public final class SourceException extends IOException {
    /** What went wrong, for a UI that reacts differently (offer to pin, ask for the password again). */
    public enum Kind { UNREACHABLE, TIMEOUT, LOGIN_REFUSED, NOT_FOUND, REFUSED, SERVER_ERROR, BAD_REPLY, CERTIFICATE }

    private final String source;
    private final Kind kind;
    private final String sha256;
    private final String subject;
    private final Long returnValue;

    SourceException(String source, Kind kind, String message, Throwable cause) {
        this(source, kind, message, null, null, null, cause);
    }

    /** The server relayed the device's refusal: a non-zero AMT return value. */
    static SourceException returned(String source, long returnValue, String message) {
        return new SourceException(source, Kind.REFUSED, message, null, null, returnValue, null);
    }

    private SourceException(String source, Kind kind, String message, String sha256, String subject, Long returnValue,
                            Throwable cause) {
        super(source + ": " + message, cause);
        this.source = source;
        this.kind = kind;
        this.sha256 = sha256;
        this.subject = subject;
        this.returnValue = returnValue;
    }

    /** The server's certificate was refused; carries what it presented so the technician can pin it. */
    static SourceException certificate(String source, String why, String subject, String sha256, Throwable cause) {
        return new SourceException(source, Kind.CERTIFICATE, why + " (" + subject + ", SHA-256 " + sha256
                + "); if you trust it: outband sources pin " + source + " " + sha256, sha256, subject, null, cause);
    }

    public String source() {
        return source;
    }

    public Kind kind() {
        return kind;
    }

    /** SHA-256 of the refused certificate (lower-case hex), for {@link Kind#CERTIFICATE}; else null. */
    public String sha256() {
        return sha256;
    }

    public String subject() {
        return subject;
    }

    /** The AMT return value the server relayed with a refusal, when it gave one. */
    public java.util.Optional<Long> returnValue() {
        return java.util.Optional.ofNullable(returnValue);
    }
}
