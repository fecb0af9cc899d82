package dev.outband.kvm.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.outband.kvm.rfb.decode.DecodeContext;
import dev.outband.kvm.rfb.decode.Decoders;
import dev.outband.kvm.rfb.decode.FuzzPixelFormats;
import dev.outband.kvm.rfb.decode.PixelReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: the server-to-viewer stream after the handshake, read as the session's reader
 * does (messages, then each update's rectangles through the pseudo-encodings and every decoder, one
 * ZRLE inflater for the whole stream). The stream ends with an {@link IOException} and nothing
 * else; each update paints only inside the framebuffer. Input: one byte choosing the pixel format,
 * then server messages as RFC 6143 section 7.6 writes them. Seeds: {@code RfbUpdateStreamFuzzTestInputs/}.
 */
class RfbUpdateStreamFuzzTest {
    private static final RfbSettings SETTINGS = FuzzPixelFormats.SETTINGS;

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void anyUpdateStreamPaintsInsideTheFramebufferOrFailsWithAnIoError(byte[] input) {
        if (input.length == 0) {
            return;
        }
        PixelReader pixels = FuzzPixelFormats.reader(input[0]);
        RfbCodec codec = new RfbCodec(SETTINGS);
        Framebuffer framebuffer = new Framebuffer(64, 48);
        RfbInput in = new RfbInput(new ByteArrayInputStream(input, 1, input.length - 1));
        try (Decoders decoders = new Decoders()) {
            UpdateReader updates = new UpdateReader(codec, decoders);
            DecodeContext ctx = new DecodeContext(framebuffer, pixels, SETTINGS);
            while (true) {
                switch (codec.readServerMessage(in)) {
                    case ServerMessage.FramebufferUpdate u -> {
                        UpdateReader.Result r = updates.read(in, u.rectCount(), ctx);
                        if (r.painted() != null) {
                            assertThat(framebuffer.contains(r.painted())).as("painted %s", r.painted()).isTrue();
                        }
                    }
                    case ServerMessage.SetColourMapEntries c -> pixels.setColours(c.firstColour(), c.colours());
                    case ServerMessage.Bell b -> { }
                    case ServerMessage.ServerCutText t ->
                            assertThat(t.text().length).isLessThanOrEqualTo(SETTINGS.maxCutTextBytes());
                }
            }
        } catch (EOFException endOfInput) {
            assertThat(endOfInput).hasMessageContaining("closed");
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }
}
