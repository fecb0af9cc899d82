package dev.outband.cira.apf;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: whatever bytes a peer sends, the decoder returns whole messages or throws
 * {@link ApfProtocolException} (nothing else), buffers no more than its limit, and reads the same
 * messages however the bytes are split into TLS records. Seeds: {@code ApfCodecFuzzTestInputs/}.
 */
class ApfCodecFuzzTest {
    private static final ApfLimits LIMITS = ApfLimits.defaults();
    /** A split no APF field lines up with, so every field also arrives in two pieces. */
    private static final int RECORD = 7;

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyByteStreamDecodesToMessagesOrAProtocolError(byte[] input) {
        Outcome whole = decode(input, Math.max(1, input.length));
        Outcome split = decode(input, RECORD);
        assertThat(split).as("the same bytes split into %d-byte records", RECORD).isEqualTo(whole);
    }

    /** What the decoder made of the stream: each message re-encoded as hex, then the error if any. */
    private record Outcome(List<String> messages, String error) {}

    private static Outcome decode(byte[] input, int record) {
        ApfCodec codec = new ApfCodec(LIMITS);
        List<String> messages = new ArrayList<>();
        try {
            for (int offset = 0; offset < input.length; offset += record) {
                codec.feed(input, offset, Math.min(record, input.length - offset));
                ApfMessage message;
                while ((message = codec.next()) != null) {
                    messages.add(HexFormat.of().formatHex(ApfCodec.encode(message)));
                }
                assertThat(codec.buffered()).isLessThanOrEqualTo(LIMITS.maxMessageSize());
            }
            return new Outcome(messages, null);
        } catch (ApfProtocolException e) {
            return new Outcome(messages, e.getMessage());
        }
    }
}
