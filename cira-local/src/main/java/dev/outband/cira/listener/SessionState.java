package dev.outband.cira.listener;

import java.util.EnumSet;
import java.util.Set;

/** Where a device's session is in the APF sequence. Only the listed moves are allowed. */
public enum SessionState {
    /** TLS is up; waiting for PROTOCOLVERSION. */
    AWAITING_VERSION,
    /** Version known; waiting for the auth service request. */
    AWAITING_AUTH_SERVICE,
    /** Auth service accepted; waiting for USERAUTH_REQUEST. */
    AWAITING_AUTH,
    /** Authenticated; waiting for the pfwd service request. */
    AUTHENTICATED,
    /** pfwd accepted: forwards, keep-alives and channels flow. */
    FORWARDING,
    CLOSED;

    public boolean canMoveTo(SessionState next) {
        return allowedNext().contains(next);
    }

    private Set<SessionState> allowedNext() {
        return switch (this) {
            case AWAITING_VERSION -> EnumSet.of(AWAITING_AUTH_SERVICE, CLOSED);
            case AWAITING_AUTH_SERVICE -> EnumSet.of(AWAITING_AUTH, CLOSED);
            case AWAITING_AUTH -> EnumSet.of(AUTHENTICATED, CLOSED);
            case AUTHENTICATED -> EnumSet.of(FORWARDING, CLOSED);
            case FORWARDING -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(SessionState.class);
        };
    }

    /** True once the device has proved who it is. */
    public boolean isAuthenticated() {
        return this == AUTHENTICATED || this == FORWARDING;
    }
}
