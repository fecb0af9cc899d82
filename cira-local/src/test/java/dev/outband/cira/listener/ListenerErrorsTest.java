package dev.outband.cira.listener;

import static dev.outband.cira.listener.ApfPeer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.events.CiraEvent;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An Error inside the listener (here thrown by an event subscriber) closes one connection, not the listener. */
@Timeout(30)
class ListenerErrorsTest {
    @Test
    void anErrorWhileServingOneConnectionClosesItAndTheListenerKeepsServing() throws Exception {
        AtomicBoolean thrown = new AtomicBoolean();
        // An idle timeout far beyond the waits below: only the error handling itself may close the session.
        ListenerSettings settings = ApfPeer.settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10));
        try (CiraListener listener = ApfPeer.start(settings)) {
            listener.subscribe(event -> {
                if (event instanceof CiraEvent.Authenticated && thrown.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("simulated: no memory left while publishing");
                }
            });
            try (ApfPeer unlucky = new ApfPeer(listener)) {
                unlucky.login(ApfPeer.randomUuid(), ApfPeer.USER, ApfPeer.PASSWORD);
                assertThat(unlucky.closedWithin(WAIT)).as("the connection that hit the error is closed").isTrue();
            }
            assertThat(ApfPeer.within(WAIT, () -> listener.connectionCount() == 0)).as("no leaked session").isTrue();

            try (ApfPeer next = new ApfPeer(listener)) {
                next.authenticateAndForward(ApfPeer.randomUuid(), 16992);
                assertThat(listener.connectedDevices()).hasSize(1);
            }
        }
    }
}
