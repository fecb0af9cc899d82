package dev.outband.cira.listener;

import static dev.outband.cira.listener.ApfPeer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.ChannelOpen;
import dev.outband.cira.apf.ApfMessage.ChannelOpenConfirmation;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.channel.ApfChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A device that grants no window (CHANNEL_OPEN_CONFIRMATION with window 0, no WINDOW_ADJUST) stalls writers only so long. */
@Timeout(30)
class ZeroWindowTest {
    @Test
    void aWriteIntoAZeroWindowFailsAfterTheCreditTimeoutWithAMessage() throws Exception {
        ListenerSettings settings = ApfPeer.settings().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(30)).withPeerLimits(
                ListenerSettings.defaults().peerLimits().withCreditTimeout(Duration.ofSeconds(1)));
        DeviceUuid uuid = ApfPeer.randomUuid();
        try (CiraListener listener = ApfPeer.start(settings); ApfPeer device = new ApfPeer(listener)) {
            device.authenticateAndForward(uuid, 16992);
            CompletableFuture<ApfChannel> opening = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.device(uuid).orElseThrow().openChannel(16992);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            ChannelOpen open = (ChannelOpen) device.next(WAIT);
            device.send(new ChannelOpenConfirmation(open.senderChannel(), 9, 0, ApfMessage.UNLIMITED));
            ApfChannel channel = opening.get(10, TimeUnit.SECONDS);

            long start = System.nanoTime();
            CompletableFuture<Void> write = CompletableFuture.runAsync(() -> {
                try {
                    channel.output().write("POST /wsman".getBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(IOException.class)
                    .rootCause().hasMessageContaining("window");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
            assertThatThrownBy(() -> channel.output().write(1)).isInstanceOf(IOException.class);
        }
    }
}
