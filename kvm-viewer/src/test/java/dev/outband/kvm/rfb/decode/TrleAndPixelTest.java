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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class TrleAndPixelTest {
    private static final int RED = 0xFFFF0000;
    private static final int BLUE = 0xFF0000FF;
    private static final int TRLE = Encoding.TRLE.id();

    @Test
    void trleTilesReuseThePreviousPaletteForPackedAndRle() throws Exception {
        // 48×1: tile 1 packed palette [red, blue]; tile 2 packed reusing it (127); tile 3 RLE reusing it (129)
        byte[] stream = concat(
                bytes(2), rgb565(RED), rgb565(BLUE), bytes(0b10101010, 0b10101010),
                bytes(127, 0b01010101, 0b01010101),
                bytes(129, 0x81, 15));
        Framebuffer fb = Vectors.decode(new TrleDecoder(), stream, new RectHeader(0, 0, 48, 1, TRLE),
                PixelFormat.RGB565, 48, 1);
        assertThat(fb.pixel(0, 0)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(1, 0)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(16, 0)).isEqualTo(quantised565(RED));
        assertThat(fb.pixel(17, 0)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(32, 0)).isEqualTo(quantised565(BLUE));
        assertThat(fb.pixel(47, 0)).isEqualTo(quantised565(BLUE));
    }

    @Test
    void trleRefusesToReuseAPaletteThatWasNeverSent() {
        assertThatThrownBy(() -> Vectors.decode(new TrleDecoder(), bytes(127, 0), new RectHeader(0, 0, 8, 1, TRLE),
                PixelFormat.RGB565, 8, 1))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("reuses a palette");
    }

    @Test
    void colourMappedPixelsUseTheServersColourMap() {
        PixelReader reader = new PixelReader(new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0));
        reader.setColours(5, new int[] {0xFFFF, 0x8000, 0x0000});
        assertThat(reader.toArgb(5)).isEqualTo(0xFFFF8000);
        assertThat(reader.toArgb(6)).as("unset entries are black").isEqualTo(0xFF000000);
    }

    @Test
    void amtGreyModesExpandOneChannelToGrey() {
        assertThat(new PixelReader(PixelFormat.GREY4).toArgb(15)).isEqualTo(0xFFFFFFFF);
        assertThat(new PixelReader(PixelFormat.GREY4).toArgb(8)).isEqualTo(0xFF888888);
        assertThat(new PixelReader(PixelFormat.GREY8).toArgb(0x40)).isEqualTo(0xFF404040);
    }

    @Test
    void threeByteCpixelsAreUsedOnlyWhenTheColourFitsInThreeBytes() {
        assertThat(PixelFormat.RGB888.compactBytesPerPixel()).isEqualTo(3);
        assertThat(new PixelFormat(32, 32, false, true, 1023, 1023, 1023, 20, 10, 0).compactBytesPerPixel())
                .isEqualTo(4);
        assertThat(PixelFormat.RGB565.compactBytesPerPixel()).isEqualTo(2);
    }
}
