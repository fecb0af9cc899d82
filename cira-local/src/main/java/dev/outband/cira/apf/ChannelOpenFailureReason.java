package dev.outband.cira.apf;

/** Reason codes carried by CHANNEL_OPEN_FAILURE. */
public enum ChannelOpenFailureReason {
    ADMINISTRATIVELY_PROHIBITED(1),
    CONNECT_FAILED(2),
    UNKNOWN_CHANNEL_TYPE(3),
    RESOURCE_SHORTAGE(4);

    private final long code;

    ChannelOpenFailureReason(long code) {
        this.code = code;
    }

    public long code() {
        return code;
    }

    public static String describe(long code) {
        for (ChannelOpenFailureReason reason : values()) {
            if (reason.code == code) {
                return reason.name();
            }
        }
        return "UNKNOWN(" + code + ")";
    }
}
