package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attack from issue 14: unauthenticated clients each announce a 1 MiB CHANNEL_DATA and trickle it.
 * The listener's heap must not grow with what they send: each may hold only a few KiB, whatever it says.
 */
@Timeout(120)
class PreAuthMemoryTest {
    private static final int CLIENTS = Integer.getInteger("outband.test.preAuthClients", 200);
    private static final int ANNOUNCED = 1 << 20;
    private static final int PIECE = 64 * 1024;

    @Test
    void tricklingUnauthenticatedClientsDoNotGrowTheHeapWithWhatTheySend() throws Exception {
        ListenerSettings settings = ApfPeer.settings().withMaxConnections(CLIENTS + 10)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(70), Duration.ofSeconds(5));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (CiraListener listener = ApfPeer.start(settings)) {
            long baseline = usedHeapAfterGc(memory);
            List<ApfPeer> peers = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(CLIENTS);
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    ApfPeer peer = new ApfPeer(listener);
                    peers.add(peer);
                    Thread.ofVirtual().start(() -> trickle(peer, done));
                }
                assertThat(done.await(90, TimeUnit.SECONDS)).as("every client sent its data or was cut").isTrue();
                long during = usedHeapAfterGc(memory) - baseline;
                System.out.printf("pre-auth memory: %d trickling clients, listener heap +%.1f MiB (%.1f KiB each),"
                        + " %d still connected%n", CLIENTS, during / 1048576.0, during / 1024.0 / CLIENTS,
                        listener.connectionCount());
                assertThat(during).as("heap growth with %d clients", CLIENTS).isLessThan(CLIENTS * 64L * 1024);
            } finally {
                for (ApfPeer peer : peers) {
                    peer.close();
                }
            }
            assertThat(ApfPeer.within(Duration.ofSeconds(10), () -> listener.connectionCount() == 0)).isTrue();
        }
    }

    private static void trickle(ApfPeer peer, CountDownLatch done) {
        try {
            peer.send(new ProtocolVersion(1, 0, 1, ApfPeer.randomUuid()));
            peer.sendRaw(PreAuthLimitsTest.channelDataStart(ANNOUNCED, 0));
            // All but the last piece: a message that never completes is held until the handshake deadline.
            for (int sent = PIECE; sent < ANNOUNCED; sent += PIECE) {
                peer.sendRaw(new byte[PIECE]);
                Thread.sleep(5);
            }
        } catch (IOException | InterruptedException cut) {
            // Cut off by the listener: exactly what the limit is for.
        } finally {
            done.countDown();
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
