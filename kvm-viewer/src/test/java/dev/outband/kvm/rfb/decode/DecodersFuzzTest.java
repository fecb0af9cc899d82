package dev.outband.kvm.rfb.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided, one target per decoder: one rectangle's payload decodes into the framebuffer or
 * throws an {@link IOException}, nothing else, and the pixels outside the rectangle stay untouched.
 * Input: byte 0 picks the pixel format, bytes 1–4 place the rectangle (x, y, width-1, height-1, each
 * modulo 64) in a 128×128 framebuffer, the rest is the payload as RFC 6143 section 7.7 describes it.
 * Seeds: {@code DecodersFuzzTestInputs/<target>/}.
 */
class DecodersFuzzTest {
    private static final RfbSettings SETTINGS = FuzzPixelFormats.SETTINGS;
    private static final int SIDE = 128;
    private static final int HEADER = 5;
    /** A colour no decoder paints in these tests: alpha 0 marks "untouched". */
    private static final int UNTOUCHED = 0x00ABCDEF;
    private static final int[] UNTOUCHED_ROW = filled(SIDE, UNTOUCHED);

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void raw(byte[] input) {
        decodeOne(new RawDecoder(), input, 0);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void copyRect(byte[] input) {
        decodeOne(new CopyRectDecoder(), input, 1);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void rre(byte[] input) {
        decodeOne(new RreDecoder(), input, 2);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void hextile(byte[] input) {
        decodeOne(new HextileDecoder(), input, 5);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void trle(byte[] input) {
        decodeOne(new TrleDecoder(), input, 15);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void zrle(byte[] input) {
        try (ZrleDecoder zrle = new ZrleDecoder()) {
            decodeOne(zrle, input, 16);
        }
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(10)
    void cursor(byte[] input) {
        if (input.length < HEADER) {
            return;
        }
        RectHeader rect = new RectHeader(input[1] & 0x3F, input[2] & 0x3F, input[3] & 0x7F, input[4] & 0x7F, -239);
        DecodeContext ctx = context(input[0]);
        try {
            CursorImage image = new CursorDecoder().read(payload(input), rect, ctx);
            if (image != null) {
                assertThat(image.width()).isLessThanOrEqualTo(SETTINGS.maxCursorSide());
                assertThat(image.height()).isLessThanOrEqualTo(SETTINGS.maxCursorSide());
            }
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
    }

    private static void decodeOne(Decoder decoder, byte[] input, int encoding) {
        if (input.length < HEADER) {
            return;
        }
        int x = input[1] & 0x3F;
        int y = input[2] & 0x3F;
        int w = 1 + (input[3] & 0x3F);
        int h = 1 + (input[4] & 0x3F);
        DecodeContext ctx = context(input[0]);
        int[] pixels = ctx.framebuffer().pixels();
        Arrays.fill(pixels, UNTOUCHED);
        try {
            decoder.decode(payload(input), new RectHeader(x, y, w, h, encoding), ctx);
        } catch (IOException expected) {
            assertThat(expected.getMessage()).as("the message of %s", expected).isNotBlank();
        }
        for (int row = 0; row < SIDE; row++) {
            boolean rowInside = row >= y && row < y + h;
            int from = row * SIDE;
            // JDK comparisons, not a loop here: the fuzz test's own code is instrumented too.
            boolean untouched = rowInside
                    ? Arrays.equals(pixels, from, from + x, UNTOUCHED_ROW, 0, x)
                            && Arrays.equals(pixels, from + x + w, from + SIDE, UNTOUCHED_ROW, 0, SIDE - x - w)
                    : Arrays.equals(pixels, from, from + SIDE, UNTOUCHED_ROW, 0, SIDE);
            if (!untouched) {
                throw new AssertionError("a pixel in row " + row + " outside " + w + "x" + h + " at " + x + "," + y
                        + " was painted");
            }
        }
    }

    private static DecodeContext context(byte format) {
        return new DecodeContext(new Framebuffer(SIDE, SIDE), FuzzPixelFormats.reader(format), SETTINGS);
    }

    private static int[] filled(int length, int value) {
        int[] row = new int[length];
        Arrays.fill(row, value);
        return row;
    }

    private static RfbInput payload(byte[] input) {
        return new RfbInput(new ByteArrayInputStream(input, HEADER, input.length - HEADER));
    }
}
