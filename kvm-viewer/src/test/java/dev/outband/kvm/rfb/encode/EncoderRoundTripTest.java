package dev.outband.kvm.rfb.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.Rect;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbSettings;
import dev.outband.kvm.rfb.decode.DecodeContext;
import dev.outband.kvm.rfb.decode.PixelReader;
import dev.outband.kvm.rfb.decode.TrleDecoder;
import dev.outband.kvm.rfb.decode.ZrleDecoder;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our encoders (used by the simulator and the benchmark) and decoders agree on every format. */
@Timeout(20)
class EncoderRoundTripTest {
    private static final int W = 203;
    private static final int H = 141;

    static Stream<PixelFormat> formats() {
        return Stream.of(PixelFormat.RGB888, PixelFormat.RGB565, PixelFormat.RGB332, PixelFormat.GREY8,
                PixelFormat.GREY4, new PixelFormat(32, 24, true, true, 255, 255, 255, 24, 16, 8),
                new PixelFormat(16, 15, true, true, 31, 31, 31, 10, 5, 0));
    }

    static int[] picture() {
        int[] px = new int[W * H];
        Random rnd = new Random(3);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int argb;
                if (x < 70) {
                    argb = 0xFF000000 | (x * 3) << 16 | (y * 1) << 8 | 128;
                } else if (x < 140) {
                    argb = (y / 6 + x / 4) % 3 == 0 ? 0xFF202020 : 0xFFF0F0E0;
                } else {
                    argb = y < 70 ? 0xFF3366CC : 0xFF000000 | rnd.nextInt(1 << 24);
                }
                px[y * W + x] = argb;
            }
        }
        return px;
    }

    @ParameterizedTest(name = "ZRLE round trip at {0}")
    @MethodSource("formats")
    void zrleRoundTripsTwoRectanglesOfOneStream(PixelFormat f) throws Exception {
        for (boolean stored : List.of(false, true)) {
            int[] px = picture();
            PixelPacker packer = new PixelPacker(f);
            try (ZrleEncoder enc = new ZrleEncoder(stored); ZrleDecoder dec = new ZrleDecoder()) {
                Framebuffer fb = new Framebuffer(W, H);
                Rect left = new Rect(0, 0, 100, H);
                Rect right = new Rect(100, 0, W - 100, H);
                for (Rect r : List.of(left, right)) {
                    byte[] payload = enc.encode(px, W, r, packer);
                    dec.decode(new RfbInput(new ByteArrayInputStream(payload)),
                            new RectHeader(r.x(), r.y(), r.width(), r.height(), Encoding.ZRLE.id()), ctx(fb, f));
                }
                assertMatches(fb, px, f);
            }
        }
    }

    @ParameterizedTest(name = "TRLE round trip at {0}")
    @MethodSource("formats")
    void trleRoundTrips(PixelFormat f) throws Exception {
        int[] px = picture();
        byte[] data = new TrleEncoder().encode(px, W, new Rect(0, 0, W, H), new PixelPacker(f));
        Framebuffer fb = new Framebuffer(W, H);
        new TrleDecoder().decode(new RfbInput(new ByteArrayInputStream(data)),
                new RectHeader(0, 0, W, H, Encoding.TRLE.id()), ctx(fb, f));
        assertMatches(fb, px, f);
    }

    private static DecodeContext ctx(Framebuffer fb, PixelFormat f) {
        return new DecodeContext(fb, new PixelReader(f), RfbSettings.defaults());
    }

    private static void assertMatches(Framebuffer fb, int[] px, PixelFormat f) {
        PixelPacker packer = new PixelPacker(f);
        PixelReader reader = new PixelReader(f);
        for (int i = 0; i < px.length; i++) {
            int expected = reader.toArgb(packer.value(px[i]));
            if (fb.pixels()[i] != expected) {
                throw new AssertionError(String.format("pixel %d,%d: %08x instead of %08x", i % W, i / W,
                        fb.pixels()[i], expected));
            }
        }
        assertThat(fb.pixels()).hasSize(W * H);
    }
}
