package dev.outband.cira.apf;

/** Reason codes carried by DISCONNECT. */
public enum DisconnectReason {
    HOST_NOT_ALLOWED(1),
    PROTOCOL_ERROR(2),
    SERVICE_NOT_AVAILABLE(7),
    PROTOCOL_VERSION_NOT_SUPPORTED(8),
    BY_APPLICATION(11),
    TOO_MANY_CONNECTIONS(12),
    INVALID_CREDENTIALS(15),
    CONNECTION_TIMED_OUT(16),
    BY_POLICY(17),
    /** Not a wire value: the peer vanished without a DISCONNECT. */
    CONNECTION_LOST(-1);

    private final long code;

    DisconnectReason(long code) {
        this.code = code;
    }

    public long code() {
        return code;
    }

    /** The reason for a wire code; unknown codes count as BY_APPLICATION: the peer chose to leave. */
    public static DisconnectReason fromCode(long code) {
        for (DisconnectReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return BY_APPLICATION;
    }
}
