package dev.outband.cira.apf;

import java.util.Optional;

/** APF message types with their wire id; {@link #name()} is what logs print. */
public enum ApfMessageType {
    DISCONNECT(1),
    SERVICE_REQUEST(5),
    SERVICE_ACCEPT(6),
    USERAUTH_REQUEST(50),
    USERAUTH_FAILURE(51),
    USERAUTH_SUCCESS(52),
    GLOBAL_REQUEST(80),
    REQUEST_SUCCESS(81),
    REQUEST_FAILURE(82),
    CHANNEL_OPEN(90),
    CHANNEL_OPEN_CONFIRMATION(91),
    CHANNEL_OPEN_FAILURE(92),
    CHANNEL_WINDOW_ADJUST(93),
    CHANNEL_DATA(94),
    CHANNEL_CLOSE(97),
    PROTOCOL_VERSION(192),
    KEEPALIVE_REQUEST(208),
    KEEPALIVE_REPLY(209),
    KEEPALIVE_OPTIONS_REQUEST(210),
    KEEPALIVE_OPTIONS_REPLY(211);

    private static final ApfMessageType[] BY_ID = new ApfMessageType[256];

    static {
        for (ApfMessageType type : values()) {
            BY_ID[type.id] = type;
        }
    }

    private final int id;

    ApfMessageType(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static Optional<ApfMessageType> fromId(int id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }

    /** A log-friendly name for any id, known or not. */
    public static String describe(int id) {
        return fromId(id).map(Enum::name).orElse("UNKNOWN(" + id + ")");
    }
}
