package dev.outband.kvm.rfb.decode;

import static dev.outband.kvm.rfb.decode.Vectors.bytes;
import static dev.outband.kvm.rfb.decode.Vectors.concat;
import static dev.outband.kvm.rfb.decode.Vectors.quantised565;
import static dev.outband.kvm.rfb.decode.Vectors.rgb565;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbProtocolException;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ZrleVectorsTest {
    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;
    private static final int GREEN = 0xFF00FF00;
    private static final int ZRLE = Encoding.ZRLE.id();

    private final Deflater deflater = new Deflater();

    @Test
    void anOddWidthPackedPaletteTilePadsEachRowToAByte() throws Exception {
        // 5×3 tile, two colours, one bit per pixel: rows 10110, 01001, 11111 each padded to a byte
        byte[] tile = concat(bytes(2), rgb565(RED), rgb565(BLUE), bytes(0b10110000, 0b01001000, 0b11111000));
        Framebuffer fb = Vectors.decode(new ZrleDecoder(), Vectors.zrlePayload(deflater, tile),
                new RectHeader(0, 0, 5, 3, ZRLE), PixelFormat.RGB565, 5, 3);
        String[] rows = {"10110", "01001", "11111"};
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                int expected = rows[y].charAt(x) == '1' ? BLUE : RED;
                assertThat(fb.pixel(x, y)).as("pixel %d,%d", x, y).isEqualTo(quantised565(expected));
            }
        }
    }

    @Test
    void aThreeColourPaletteUsesTwoBitsPerPixelWithPaddedRows() throws Exception {
        // 3×2 tile: indices 0 1 2 / 2 1 0 → 00 01 10 00 = 0x18, 10 01 00 00 = 0x90
        byte[] tile = concat(bytes(3), rgb565(RED), rgb565(GREEN), rgb565(BLUE), bytes(0x18, 0x90));
        Framebuffer fb = Vectors.decode(new ZrleDecoder(), Vectors.zrlePayload(deflater, tile),
                new RectHeader(0, 0, 3, 2, ZRLE), PixelFormat.RGB565, 3, 2);
        assertThat(fb.pixel(0, 0)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(2, 0)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(0, 1)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(1, 1)).isEqualTo(quantised565(GREEN));
    }

    @Test
    void plainRleRunsContinueAcrossRows() throws Exception {
        // 4×3 tile: 6 red then 6 blue
        byte[] tile = concat(bytes(128), rgb565(RED), bytes(5), rgb565(BLUE), bytes(5));
        Framebuffer fb = Vectors.decode(new ZrleDecoder(), Vectors.zrlePayload(deflater, tile),
                new RectHeader(0, 0, 4, 3, ZRLE), PixelFormat.RGB565, 4, 3);
        assertThat(fb.pixel(3, 0)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(1, 1)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(2, 1)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(3, 2)).isEqualTo(quantised565(BLUE));
    }

    @Test
    void runLengthsOf255And256AreReadAcrossTheirExtraBytes() throws Exception {
        // 64×64 palette RLE: 255 red, 256 blue, the remaining 3585 green (14×255 + 15)
        byte[] rest = new byte[15];
        java.util.Arrays.fill(rest, 0, 14, (byte) 255);
        rest[14] = 14;
        byte[] tile = concat(bytes(128 + 3), rgb565(RED), rgb565(BLUE), rgb565(GREEN),
                bytes(0x80, 254), bytes(0x81, 255, 0), bytes(0x82), rest);
        Framebuffer fb = Vectors.decode(new ZrleDecoder(), Vectors.zrlePayload(deflater, tile),
                new RectHeader(0, 0, 64, 64, ZRLE), PixelFormat.RGB565, 64, 64);
        assertThat(fb.pixel(254 % 64, 254 / 64)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(255 % 64, 255 / 64)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(510 % 64, 510 / 64)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(511 % 64, 511 / 64)).isEqualTo(quantised565(GREEN));
        assertThat(fb.pixel(63, 63)).isEqualTo(quantised565(GREEN));
    }

    @Test
    void storedDeflateBlocksAndAStreamContinuedAcrossRectanglesDecode() throws Exception {
        Deflater stored = new Deflater(Deflater.NO_COMPRESSION);
        byte[] first = Vectors.zrlePayload(stored, concat(bytes(1), rgb565(RED)));
        byte[] second = Vectors.zrlePayload(stored, concat(bytes(1), rgb565(BLUE)));
        assertThat(first[4]).as("zlib header only in the first rectangle").isEqualTo((byte) 0x78);
        ZrleDecoder decoder = new ZrleDecoder();
        Framebuffer fb = new Framebuffer(8, 8);
        Vectors.decode(decoder, first, new RectHeader(0, 0, 4, 8, ZRLE), PixelFormat.RGB565, fb);
        Vectors.decode(decoder, second, new RectHeader(4, 0, 4, 8, ZRLE), PixelFormat.RGB565, fb);
        assertThat(fb.pixel(0, 7)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(7, 7)).isEqualTo(quantised565(BLUE));
        decoder.close();
    }

    @Test
    void aFreshZlibHeaderAfterTheStreamEndedStartsANewStream() throws Exception {
        Deflater one = new Deflater();
        one.setInput(concat(bytes(1), rgb565(RED)));
        one.finish();
        byte[] buf = new byte[256];
        int n = one.deflate(buf);
        byte[] first = concat(bytes(0, 0, 0, n), java.util.Arrays.copyOf(buf, n));
        byte[] second = Vectors.zrlePayload(new Deflater(), concat(bytes(1), rgb565(GREEN)));
        ZrleDecoder decoder = new ZrleDecoder();
        Framebuffer fb = new Framebuffer(2, 1);
        Vectors.decode(decoder, first, new RectHeader(0, 0, 1, 1, ZRLE), PixelFormat.RGB565, fb);
        Vectors.decode(decoder, second, new RectHeader(1, 0, 1, 1, ZRLE), PixelFormat.RGB565, fb);
        assertThat(fb.pixel(0, 0)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(1, 0)).isEqualTo(quantised565(GREEN));
        decoder.close();
    }

    @Test
    void aBadSubencodingEndsTheRectangleWithAClearError() {
        byte[] payload = Vectors.zrlePayload(deflater, bytes(17));
        assertThatThrownBy(() -> Vectors.decode(new ZrleDecoder(), payload, new RectHeader(0, 0, 4, 4, ZRLE),
                PixelFormat.RGB565, 4, 4))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("bad ZRLE subencoding 17");
    }

    @Test
    void truncatedZlibDataEndsTheRectangleWithAClearError() {
        byte[] tile = concat(bytes(0), new byte[2 * 16]);
        byte[] full = Vectors.zrlePayload(deflater, tile);
        byte[] cut = java.util.Arrays.copyOf(full, 4 + 3);
        cut[3] = 3;
        assertThatThrownBy(() -> Vectors.decode(new ZrleDecoder(), cut, new RectHeader(0, 0, 4, 4, ZRLE),
                PixelFormat.RGB565, 4, 4))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("truncated");
    }

    @Test
    void aRunLongerThanItsTileIsRejected() {
        byte[] payload = Vectors.zrlePayload(deflater, concat(bytes(128), rgb565(RED), bytes(16)));
        assertThatThrownBy(() -> Vectors.decode(new ZrleDecoder(), payload, new RectHeader(0, 0, 4, 4, ZRLE),
                PixelFormat.RGB565, 4, 4))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("overflows its tile");
    }

    @Test
    void aPaletteIndexBeyondThePaletteIsRejected() {
        byte[] payload = Vectors.zrlePayload(deflater, concat(bytes(130), rgb565(RED), rgb565(BLUE), bytes(5)));
        assertThatThrownBy(() -> Vectors.decode(new ZrleDecoder(), payload, new RectHeader(0, 0, 2, 1, ZRLE),
                PixelFormat.RGB565, 2, 1))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("palette index 5");
    }

    @Test
    void aZlibLengthOf0xFFFFFFFFIsRejectedBeforeAnyAllocation() {
        byte[] stream = bytes(0xFF, 0xFF, 0xFF, 0xFF);
        assertThatThrownBy(() -> Vectors.decode(new ZrleDecoder(), stream, new RectHeader(0, 0, 4, 4, ZRLE),
                PixelFormat.RGB565, 4, 4))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("4294967295 exceeds the limit");
    }
}
