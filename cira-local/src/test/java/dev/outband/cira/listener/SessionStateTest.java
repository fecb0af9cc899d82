package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class SessionStateTest {
    @Test
    void theHandshakeMovesForwardOneStepAtATime() {
        assertThat(SessionState.AWAITING_VERSION.canMoveTo(SessionState.AWAITING_AUTH_SERVICE)).isTrue();
        assertThat(SessionState.AWAITING_AUTH.canMoveTo(SessionState.AUTHENTICATED)).isTrue();
        assertThat(SessionState.AUTHENTICATED.canMoveTo(SessionState.FORWARDING)).isTrue();
    }

    @Test
    void noStateSkipsAuthentication() {
        assertThat(SessionState.AWAITING_VERSION.canMoveTo(SessionState.FORWARDING)).isFalse();
        assertThat(SessionState.AWAITING_AUTH_SERVICE.canMoveTo(SessionState.AUTHENTICATED)).isFalse();
        assertThat(SessionState.AWAITING_AUTH.canMoveTo(SessionState.FORWARDING)).isFalse();
    }

    @Test
    void aClosedSessionStaysClosed() {
        for (SessionState next : SessionState.values()) {
            assertThat(SessionState.CLOSED.canMoveTo(next)).isFalse();
        }
    }
}
