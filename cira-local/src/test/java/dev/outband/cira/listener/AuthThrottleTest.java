package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.UserAuthFailure;
import dev.outband.cira.apf.ApfMessage.UserAuthSuccess;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Wrong CIRA passwords slow down and then ban their source address; other addresses are not affected. */
@Timeout(90)
class AuthThrottleTest {
    private static final byte[] WRONG = "guess".getBytes(StandardCharsets.UTF_8);

    private static ListenerSettings throttled(Duration ban) {
        return ApfPeer.settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5))
                .withThrottle(new ThrottleSettings(Duration.ofMillis(50), Duration.ofMillis(400), 5, ban, 1000,
                        Duration.ofMinutes(1), 1000));
    }

    private static ApfMessage attempt(CiraListener listener, InetAddress from, byte[] password) throws Exception {
        try (ApfPeer peer = new ApfPeer(listener, from, 0)) {
            return peer.login(ApfPeer.randomUuid(), ApfPeer.USER, password);
        }
    }

    @Test
    void aGuessingAddressIsBannedAndEvenTheRightPasswordIsRefusedUntilTheBanEnds() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.2");
        try (CiraListener listener = ApfPeer.start(throttled(Duration.ofSeconds(3)))) {
            long[] answerMillis = new long[5];
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertThat(attempt(listener, guesser, WRONG)).isInstanceOf(UserAuthFailure.class);
                answerMillis[i] = (System.nanoTime() - start) / 1_000_000;
            }
            assertThat(answerMillis[4]).as("later failures wait longer").isGreaterThan(answerMillis[0] + 100);

            assertThat(attempt(listener, guesser, ApfPeer.PASSWORD)).as("right password while banned")
                    .isInstanceOf(UserAuthFailure.class);
            assertThat(attempt(listener, InetAddress.getByName("127.0.0.1"), ApfPeer.PASSWORD))
                    .as("another address").isInstanceOf(UserAuthSuccess.class);

            Thread.sleep(3_200);
            assertThat(attempt(listener, guesser, ApfPeer.PASSWORD)).as("after the ban")
                    .isInstanceOf(UserAuthSuccess.class);
        }
    }

    @Test
    void parallelGuessersFromOneAddressGetOnlyAHandfulOfAnswersEachBanPeriod() throws Exception {
        InetAddress guesser = InetAddress.getByName("127.0.0.3");
        int workers = 8;
        Duration window = Duration.ofSeconds(4);
        AtomicInteger checked = new AtomicInteger();
        try (CiraListener listener = ApfPeer.start(throttled(Duration.ofMinutes(10)).withMaxConnections(100))) {
            CountDownLatch done = new CountDownLatch(workers);
            long end = System.nanoTime() + window.toNanos();
            for (int w = 0; w < workers; w++) {
                Thread.ofVirtual().start(() -> {
                    try {
                        while (System.nanoTime() < end) {
                            if (attempt(listener, guesser, WRONG) instanceof UserAuthFailure) {
                                checked.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        // A refused connection is not a guess.
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            long compared = listener.throttle().failuresCounted();
            System.out.printf("password guessing: %d passwords compared in %d s from one address (%.1f per second),"
                    + " %d refusals answered%n", compared, window.toSeconds(), compared / (double) window.toSeconds(),
                    checked.get());
            assertThat(compared).as("passwords actually compared and failed")
                    .isLessThanOrEqualTo(5 + workers);
        }
    }
}
