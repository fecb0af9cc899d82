package dev.outband.cira.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.ChannelClose;
import dev.outband.cira.apf.ApfMessage.ChannelData;
import dev.outband.cira.apf.ApfMessage.WindowAdjust;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class ApfChannelTest {
    private final List<ApfMessage> sent = new CopyOnWriteArrayList<>();
    private final List<ApfChannel> ended = new CopyOnWriteArrayList<>();

    private ApfChannel channel(long window, long peerWindow) {
        ApfChannel channel = new ApfChannel(1, 16992, window, 1024, Duration.ofSeconds(5), sent::add, ended::add);
        channel.connect(42, peerWindow);
        return channel;
    }

    @Test
    void writesAreSplitIntoChunksWithinThePeersWindow() throws Exception {
        ApfChannel channel = channel(4096, 2500);

        channel.output().write(new byte[2500]);

        assertThat(sent).extracting(m -> ((ChannelData) m).length()).containsExactly(1024, 1024, 452);
        assertThat(sent).allSatisfy(m -> assertThat(((ChannelData) m).recipientChannel()).isEqualTo(42));
    }

    @Test
    void readingHalfTheWindowSendsOneWindowAdjust() throws Exception {
        ApfChannel channel = channel(4096, 0);
        channel.onData(new ChannelData(1, new byte[3000]));

        channel.input().readNBytes(2048);

        assertThat(sent).containsExactly(new WindowAdjust(42, 2048));
    }

    @Test
    void aPeerCloseIsAnsweredAndEndsTheStreamAfterBufferedData() throws Exception {
        ApfChannel channel = channel(4096, 0);
        channel.onData(new ChannelData(1, new byte[] {1, 2, 3}));

        channel.onClose();

        assertThat(channel.input().readAllBytes()).containsExactly(1, 2, 3);
        assertThat(sent).containsExactly(new ChannelClose(42));
        assertThat(ended).containsExactly(channel);
    }

    @Test
    void closingLocallySendsCloseOnlyOnce() throws Exception {
        ApfChannel channel = channel(4096, 0);

        channel.close();
        channel.onClose();

        assertThat(sent).containsExactly(new ChannelClose(42));
        assertThat(channel.input().read()).isEqualTo(-1);
    }
}
