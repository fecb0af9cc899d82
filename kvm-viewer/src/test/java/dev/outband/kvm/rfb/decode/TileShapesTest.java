package dev.outband.kvm.rfb.decode;

import static dev.outband.kvm.rfb.decode.Vectors.bytes;
import static dev.outband.kvm.rfb.decode.Vectors.concat;
import static dev.outband.kvm.rfb.decode.Vectors.rgb565;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbProtocolException;
import dev.outband.kvm.rfb.RfbSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every subencoding at every CPIXEL layout, in tiles cut short by the rectangle's right and bottom
 * edges, against tile bytes written here independently of our encoder. The framebuffer around the
 * rectangle must stay untouched.
 */
@Timeout(30)
class TileShapesTest {
    private static final int AROUND = 0xFF123456;

    enum Sub { RAW, SOLID, PACKED, PLAIN_RLE, PALETTE_RLE }

    /** A subencoding and, for the palette ones, the palette size. */
    record Kind(Sub sub, int colours) {}

    private static final List<Kind> KINDS = List.of(new Kind(Sub.RAW, 0), new Kind(Sub.SOLID, 1),
            new Kind(Sub.PACKED, 2), new Kind(Sub.PACKED, 3), new Kind(Sub.PACKED, 4), new Kind(Sub.PACKED, 5),
            new Kind(Sub.PACKED, 16), new Kind(Sub.PLAIN_RLE, 0), new Kind(Sub.PALETTE_RLE, 2),
            new Kind(Sub.PALETTE_RLE, 3), new Kind(Sub.PALETTE_RLE, 16), new Kind(Sub.PALETTE_RLE, 17),
            new Kind(Sub.PALETTE_RLE, 127));

    /** Run lengths around the edges the decoder cares about: 8, 16, a row, 255/256. */
    private static final int[] RUNS = {1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 63, 64, 65, 255, 256, 257};

    static Stream<PixelFormat> formats() {
        return Stream.of(PixelFormat.RGB888, PixelFormat.RGB565, PixelFormat.RGB332, PixelFormat.GREY8,
                PixelFormat.GREY4,
                new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0),
                new PixelFormat(16, 16, true, true, 31, 63, 31, 11, 5, 0),
                new PixelFormat(16, 15, false, true, 31, 31, 31, 10, 5, 0),
                new PixelFormat(32, 24, true, true, 255, 255, 255, 16, 8, 0),
                new PixelFormat(32, 24, false, true, 255, 255, 255, 24, 16, 8),
                new PixelFormat(32, 24, false, true, 255, 255, 255, 0, 8, 16),
                new PixelFormat(32, 30, false, true, 1023, 1023, 1023, 20, 10, 0));
    }

    @ParameterizedTest(name = "ZRLE tiles at {0}")
    @MethodSource("formats")
    void zrleTilesOfEveryKindDecodeUpToTheRectanglesEdges(PixelFormat f) throws IOException {
        int[][] rects = {{3, 2, 157, 99}, {0, 0, 64, 64}, {1, 1, 7, 5}, {0, 0, 1, 1}, {5, 0, 65, 3}};
        Deflater deflater = new Deflater();
        try (ZrleDecoder decoder = new ZrleDecoder()) {
            for (int[] r : rects) {
                for (int round = 0; round < KINDS.size(); round++) {
                    Framebuffer fb = framebuffer(170, 110);
                    PixelReader reader = reader(f);
                    Random rnd = new Random(31L * round + r[2]);
                    ByteArrayOutputStream plain = new ByteArrayOutputStream();
                    int[] expected = tiles(64, r, round, f, rnd, plain);
                    byte[] payload = Vectors.zrlePayload(deflater, plain.toByteArray());
                    decoder.decode(new RfbInput(new ByteArrayInputStream(payload)),
                            new RectHeader(r[0], r[1], r[2], r[3], Encoding.ZRLE.id()),
                            new DecodeContext(fb, reader, RfbSettings.defaults()));
                    check(fb, r, expected, reader, f + " rect " + Arrays.toString(r) + " round " + round);
                }
            }
        }
    }

    @ParameterizedTest(name = "TRLE tiles at {0}, one byte per read")
    @MethodSource("formats")
    void trleTilesOfEveryKindDecodeFromAStreamThatTrickles(PixelFormat f) throws IOException {
        int[] r = {2, 1, 45, 37};
        for (int round = 0; round < KINDS.size(); round++) {
            Framebuffer fb = framebuffer(50, 40);
            PixelReader reader = reader(f);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            int[] expected = tiles(16, r, round, f, new Random(round), stream);
            new TrleDecoder().decode(new RfbInput(new OneByteAtATime(stream.toByteArray())),
                    new RectHeader(r[0], r[1], r[2], r[3], Encoding.TRLE.id()),
                    new DecodeContext(fb, reader, RfbSettings.defaults()));
            check(fb, r, expected, reader, f + " round " + round);
        }
    }

    @Test
    void aZrleRunCutShortByTheEndOfTheDataIsReportedAsTruncated() {
        // 4×4 palette RLE: one single pixel, then a run whose length byte never comes
        byte[] tile = concat(bytes(130), rgb565(0xFFFF0000), rgb565(0xFF0000FF), bytes(0x01, 0x80));
        byte[] payload = Vectors.zrlePayload(new Deflater(), tile);
        assertThatThrownBy(() -> Vectors.decode(new ZrleDecoder(), payload, new RectHeader(0, 0, 4, 4,
                Encoding.ZRLE.id()), PixelFormat.RGB565, 4, 4))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("truncated");
    }

    @Test
    void aTrleRunWhoseLengthBytesNeverEndIsRejected() {
        // a 16×16 plain RLE tile: one pixel, then length bytes of 255 for ever
        InputStream endless = new InputStream() {
            private final byte[] head = concat(bytes(128), rgb565(0xFFFF0000));
            private int sent;

            @Override
            public int read() {
                return sent < head.length ? head[sent++] & 0xFF : 255;
            }
        };
        assertThatThrownBy(() -> new TrleDecoder().decode(new RfbInput(endless),
                new RectHeader(0, 0, 16, 16, Encoding.TRLE.id()),
                new DecodeContext(new Framebuffer(16, 16), new PixelReader(PixelFormat.RGB565),
                        RfbSettings.defaults())))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("overflows its tile");
    }

    @Test
    void aPackedIndexBeyondAThreeColourPaletteIsRejected() {
        // 3×1 at two bits a pixel: indices 0, 1, 3 with only three colours
        byte[] tile = concat(bytes(3), rgb565(0xFFFF0000), rgb565(0xFF00FF00), rgb565(0xFF0000FF), bytes(0b00011100));
        byte[] payload = Vectors.zrlePayload(new Deflater(), tile);
        assertThatThrownBy(() -> Vectors.decode(new ZrleDecoder(), payload, new RectHeader(0, 0, 3, 1,
                Encoding.ZRLE.id()), PixelFormat.RGB565, 3, 1))
                .isInstanceOf(RfbProtocolException.class).hasMessageContaining("palette index 3");
    }

    private static Framebuffer framebuffer(int w, int h) {
        Framebuffer fb = new Framebuffer(w, h);
        fb.fill(0, 0, w, h, AROUND);
        return fb;
    }

    /** A reader with a colour map for the colour-mapped format, so its pixels differ. */
    private static PixelReader reader(PixelFormat f) {
        PixelReader reader = new PixelReader(f);
        if (!f.trueColour()) {
            int[] map = new int[256 * 3];
            for (int i = 0; i < map.length; i++) {
                map[i] = i * 40503 & 0xFFFF;
            }
            reader.setColours(0, map);
        }
        return reader;
    }

    /** Writes the rectangle's tiles to {@code out}; returns the pixel values, row-major. */
    private static int[] tiles(int size, int[] r, int round, PixelFormat f, Random rnd, ByteArrayOutputStream out) {
        int[] values = new int[r[2] * r[3]];
        int n = 0;
        for (int ty = 0; ty < r[3]; ty += size) {
            for (int tx = 0; tx < r[2]; tx += size) {
                int tw = Math.min(size, r[2] - tx);
                int th = Math.min(size, r[3] - ty);
                int[] tile = tile(KINDS.get((round + n++) % KINDS.size()), tw, th, f, rnd, out);
                for (int row = 0; row < th; row++) {
                    System.arraycopy(tile, row * tw, values, (ty + row) * r[2] + tx, tw);
                }
            }
        }
        return values;
    }

    private static int[] tile(Kind kind, int tw, int th, PixelFormat f, Random rnd, ByteArrayOutputStream out) {
        int n = tw * th;
        int[] v = new int[n];
        int[] palette = palette(f, Math.max(kind.colours(), 2), rnd);
        int colours = palette.length;
        switch (kind.sub()) {
            case RAW -> {
                out.write(0);
                for (int i = 0; i < n; i++) {
                    v[i] = value(f, rnd);
                    cpixel(out, f, v[i]);
                }
            }
            case SOLID -> {
                out.write(1);
                Arrays.fill(v, palette[0]);
                cpixel(out, f, palette[0]);
            }
            case PACKED -> {
                out.write(colours);
                writePalette(out, f, palette);
                int bits = colours == 2 ? 1 : colours <= 4 ? 2 : 4;
                for (int row = 0; row < th; row++) {
                    int acc = 0;
                    int used = 0;
                    for (int col = 0; col < tw; col++) {
                        int idx = rnd.nextInt(colours);
                        v[row * tw + col] = palette[idx];
                        acc = acc << bits | idx;
                        used += bits;
                        if (used == 8) {
                            out.write(acc);
                            acc = 0;
                            used = 0;
                        }
                    }
                    if (used > 0) {
                        out.write(acc << (8 - used));
                    }
                }
            }
            case PLAIN_RLE -> {
                out.write(128);
                for (int i = 0; i < n; ) {
                    int len = Math.min(n - i, RUNS[rnd.nextInt(RUNS.length)]);
                    int value = palette[rnd.nextInt(colours)];
                    Arrays.fill(v, i, i + len, value);
                    cpixel(out, f, value);
                    runLength(out, len);
                    i += len;
                }
            }
            case PALETTE_RLE -> {
                out.write(128 + colours);
                writePalette(out, f, palette);
                for (int i = 0; i < n; ) {
                    int len = Math.min(n - i, RUNS[rnd.nextInt(RUNS.length)]);
                    int idx = rnd.nextInt(colours);
                    Arrays.fill(v, i, i + len, palette[idx]);
                    // a single pixel may also be sent as a run of one
                    if (len == 1 && rnd.nextBoolean()) {
                        out.write(idx);
                    } else {
                        out.write(idx | 128);
                        runLength(out, len);
                    }
                    i += len;
                }
            }
        }
        return v;
    }

    /** Up to {@code size} distinct pixel values (fewer when the format has fewer). */
    private static int[] palette(PixelFormat f, int size, Random rnd) {
        long available = f.trueColour()
                ? (long) (f.redMax() + 1) * (f.greenMax() + 1) * (f.blueMax() + 1)
                : 1L << f.bitsPerPixel();
        Set<Integer> values = new LinkedHashSet<>();
        while (values.size() < Math.min(size, available)) {
            values.add(value(f, rnd));
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int value(PixelFormat f, Random rnd) {
        if (!f.trueColour()) {
            return rnd.nextInt(1 << f.bitsPerPixel());
        }
        return rnd.nextInt(f.redMax() + 1) << f.redShift() | rnd.nextInt(f.greenMax() + 1) << f.greenShift()
                | rnd.nextInt(f.blueMax() + 1) << f.blueShift();
    }

    private static void writePalette(ByteArrayOutputStream out, PixelFormat f, int[] palette) {
        for (int p : palette) {
            cpixel(out, f, p);
        }
    }

    /** A CPIXEL as RFB defines it: three bytes for 24-bit colour in 32 bpp, the whole pixel otherwise. */
    private static void cpixel(ByteArrayOutputStream out, PixelFormat f, int value) {
        int cb = f.compactBytesPerPixel();
        int v = cb == 3 && !f.fitsLowThreeBytes() ? value >>> 8 : value;
        for (int i = 0; i < cb; i++) {
            out.write(v >>> (f.bigEndian() ? 8 * (cb - 1 - i) : 8 * i));
        }
    }

    private static void runLength(ByteArrayOutputStream out, int len) {
        int rest = len - 1;
        for (; rest >= 255; rest -= 255) {
            out.write(255);
        }
        out.write(rest);
    }

    private static void check(Framebuffer fb, int[] r, int[] values, PixelReader reader, String what) {
        for (int y = 0; y < fb.height(); y++) {
            for (int x = 0; x < fb.width(); x++) {
                boolean inside = x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3];
                int expected = inside ? reader.toArgb(values[(y - r[1]) * r[2] + x - r[0]]) : AROUND;
                if (fb.pixel(x, y) != expected) {
                    throw new AssertionError(String.format("%s: pixel %d,%d is %08x, not %08x", what, x, y,
                            fb.pixel(x, y), expected));
                }
            }
        }
    }

    /** A peer whose bytes arrive one at a time, so TRLE must ask for more in the middle of a tile. */
    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(byte[] data) {
            super(new ByteArrayInputStream(data));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
