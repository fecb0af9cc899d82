package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfMessage.KeepAliveRequest;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.events.CiraEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A device that asks for answers and never reads them must cost the listener one write deadline,
 * never its watchdog or its shutdown.
 */
@Timeout(90)
class WriteDeadlineTest {
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(1);

    @Test
    void aPeerThatNeverReadsIsDroppedAndTheWatchdogKeepsTimingOutOthers() throws Exception {
        // The idle timeout well above the write deadline: on a loaded machine the listener's socket buffers
        // take seconds to fill, and until they do the deaf peer's session is idle but not yet stuck.
        ListenerSettings settings = ApfPeer.settings()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(1))
                .withPeerLimits(ListenerSettings.defaults().peerLimits().withWriteTimeout(WRITE_TIMEOUT));
        List<CiraEvent> events = new CopyOnWriteArrayList<>();
        CiraListener listener = ApfPeer.start(settings);
        // Only disconnections: the flood below makes one keep-alive event per request.
        listener.subscribe(e -> {
            if (e instanceof CiraEvent.Disconnected) {
                events.add(e);
            }
        });
        ApfPeer deaf = new ApfPeer(listener, InetAddress.getLoopbackAddress(), 4096);
        try {
            deaf.authenticateAndForward(ApfPeer.randomUuid(), 16992);
            java.time.Instant floodStart = java.time.Instant.now();
            Thread flood = Thread.ofVirtual().start(() -> floodKeepAlives(deaf));

            // Past the 8 s idle timeout after the flood began: a watchdog stuck on the deaf session would
            // stop dropping anyone.
            Thread.sleep(9_000);
            try (ApfPeer silent = new ApfPeer(listener)) {
                assertThat(silent.closedWithin(Duration.ofSeconds(6)))
                        .as("a silent pre-auth peer is still dropped at the 2 s handshake deadline").isTrue();
            }
            assertThat(ApfPeer.within(Duration.ofSeconds(5), () -> events.stream().anyMatch(e ->
                    e instanceof CiraEvent.Disconnected d && d.reason() == DisconnectReason.CONNECTION_TIMED_OUT
                            && d.device() != null)))
                    .as("the deaf device was dropped").isTrue();
            CiraEvent.Disconnected dropped = events.stream().filter(e -> e instanceof CiraEvent.Disconnected d
                    && d.device() != null).map(CiraEvent.Disconnected.class::cast).findFirst().orElseThrow();
            System.out.printf("never-reading peer: dropped %d ms after its flood began (%s)%n",
                    Duration.between(floodStart, dropped.at()).toMillis(), dropped.detail());
            assertThat(dropped.detail()).as("dropped by the write deadline, not the idle timeout").contains("not read");
            flood.interrupt();
        } finally {
            deaf.close();
            listener.close();
        }
    }

    @Test
    void closingTheListenerClosesEveryConnectionEvenOneWhoseWritesAreStuck() throws Exception {
        // A write timeout far beyond the test: only close() itself may free the stuck session.
        ListenerSettings settings = ApfPeer.settings().withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(90),
                Duration.ofSeconds(30)).withPeerLimits(
                ListenerSettings.defaults().peerLimits().withWriteTimeout(Duration.ofMinutes(5)));
        CiraListener listener = ApfPeer.start(settings);
        try (ApfPeer deaf = new ApfPeer(listener, InetAddress.getLoopbackAddress(), 4096);
             ApfPeer waiting = new ApfPeer(listener)) {
            deaf.authenticateAndForward(ApfPeer.randomUuid(), 16992);
            Thread.ofVirtual().start(() -> floodKeepAlives(deaf));
            Thread.sleep(3_000);

            assertTimeoutPreemptively(Duration.ofSeconds(10), listener::close, "close() returns");

            assertThat(waiting.closedWithin(Duration.ofSeconds(5))).as("the pre-auth peer was closed").isTrue();
            assertThat(ApfPeer.within(Duration.ofSeconds(5), () -> listener.connectionCount() == 0)).isTrue();
        }
    }

    /** Keep-alive requests as fast as TLS takes them, never reading the replies. */
    private static void floodKeepAlives(ApfPeer peer) {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < 200; i++) {
            batch.writeBytes(ApfCodec.encode(new KeepAliveRequest(i)));
        }
        byte[] bytes = batch.toByteArray();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                peer.sendRaw(bytes);
            }
        } catch (IOException closed) {
            // The listener dropped us.
        }
    }
}
