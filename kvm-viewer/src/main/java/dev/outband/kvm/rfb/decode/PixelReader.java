package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;

/**
 * Turns wire pixels of one {@link PixelFormat} into opaque ARGB. Formats up to 16 bpp go through a
 * lookup table (also the colour map for colour-mapped formats); 32 bpp is computed.
 */
public final class PixelReader {
    private final PixelFormat format;
    private final int bytes;
    private final int compactBytes;
    private final boolean bigEndian;
    private final boolean compactLow;
    private final int[] table;
    private final boolean direct888;
    private final Cpixel cpixel;

    /**
     * How a CPIXEL is laid out, chosen once so the tile loops branch on one field instead of
     * re-deriving the layout for every pixel.
     */
    private enum Cpixel {
        /** 8 bpp: one byte through the table. */
        ONE,
        /** 16 bpp little-endian (AMT's default): two bytes through the table. */
        TWO_LE,
        /** 32 bpp 0x00RRGGBB little-endian, sent as B, G, R: the bytes are the ARGB value. */
        THREE_RGB,
        /** Anything else (big-endian, other shifts): the general path. */
        OTHER
    }

    public PixelReader(PixelFormat format) {
        this.format = format;
        this.bytes = format.bytesPerPixel();
        this.compactBytes = format.compactBytesPerPixel();
        this.bigEndian = format.bigEndian();
        this.compactLow = format.fitsLowThreeBytes();
        this.direct888 = format.trueColour() && format.redMax() == 255 && format.greenMax() == 255
                && format.blueMax() == 255;
        if (format.bitsPerPixel() <= 16) {
            table = new int[1 << format.bitsPerPixel()];
            if (format.trueColour()) {
                for (int v = 0; v < table.length; v++) {
                    table[v] = compute(v);
                }
            } else {
                java.util.Arrays.fill(table, Framebuffer.OPAQUE);
            }
        } else {
            table = null;
        }
        this.cpixel = compactBytes == 1 ? Cpixel.ONE
                : compactBytes == 2 && !bigEndian ? Cpixel.TWO_LE
                : compactBytes == 3 && direct888 && !bigEndian && compactLow && format.redShift() == 16
                        && format.greenShift() == 8 && format.blueShift() == 0 ? Cpixel.THREE_RGB
                : Cpixel.OTHER;
    }

    public PixelFormat format() {
        return format;
    }

    public int bytesPerPixel() {
        return bytes;
    }

    public int compactBytesPerPixel() {
        return compactBytes;
    }

    /** SetColourMapEntries: 16-bit components, used only by colour-mapped formats. */
    public void setColours(int first, int[] rgb16) {
        if (table == null || format.trueColour()) {
            return;
        }
        for (int i = 0; i < rgb16.length / 3 && first + i < table.length; i++) {
            table[first + i] = Framebuffer.OPAQUE | (rgb16[3 * i] >>> 8) << 16 | (rgb16[3 * i + 1] >>> 8) << 8
                    | (rgb16[3 * i + 2] >>> 8);
        }
    }

    /** ARGB of a raw pixel value. */
    public int toArgb(int value) {
        if (table != null) {
            return table[value & (table.length - 1)];
        }
        return compute(value);
    }

    private int compute(int v) {
        if (!format.trueColour()) {
            return Framebuffer.OPAQUE;
        }
        if (direct888) {
            return Framebuffer.OPAQUE | ((v >>> format.redShift()) & 255) << 16
                    | ((v >>> format.greenShift()) & 255) << 8 | ((v >>> format.blueShift()) & 255);
        }
        int r = scale(v >>> format.redShift(), format.redMax());
        if (format.isGrey()) {
            return Framebuffer.OPAQUE | r << 16 | r << 8 | r;
        }
        int g = scale(v >>> format.greenShift(), format.greenMax());
        int b = scale(v >>> format.blueShift(), format.blueMax());
        return Framebuffer.OPAQUE | r << 16 | g << 8 | b;
    }

    private static int scale(int raw, int max) {
        if (max == 0) {
            return 0;
        }
        int c = raw & maskFor(max);
        if (c > max) {
            c = max;
        }
        return (c * 255 + max / 2) / max;
    }

    private static int maskFor(int max) {
        return (Integer.highestOneBit(max) << 1) - 1;
    }

    /** A full-size pixel at {@code b[off]}. */
    public int read(byte[] b, int off) {
        return switch (bytes) {
            case 1 -> table[b[off] & 0xFF];
            case 2 -> table[bigEndian ? (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF)
                    : (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8];
            default -> compute(bigEndian
                    ? (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF)
                    : (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24);
        };
    }

    /** A CPIXEL (ZRLE/TRLE) at {@code b[off]}. */
    public int readCompact(byte[] b, int off) {
        return switch (cpixel) {
            case ONE -> table[b[off] & 0xFF];
            case TWO_LE -> table[(b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8];
            case THREE_RGB -> Framebuffer.OPAQUE | (b[off + 2] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8
                    | (b[off] & 0xFF);
            case OTHER -> readOther(b, off);
        };
    }

    private int readOther(byte[] b, int off) {
        if (compactBytes != 3) {
            return read(b, off);
        }
        int v = bigEndian
                ? (b[off] & 0xFF) << 16 | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF)
                : (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16;
        return compute(compactLow ? v : v << 8);
    }

    /** Converts {@code n} full-size pixels. */
    public void convert(byte[] src, int off, int[] dst, int dstOff, int n) {
        if (bytes == 2 && !bigEndian) {
            convertTwoLe(src, off, dst, dstOff, n);
            return;
        }
        for (int i = 0; i < n; i++, off += bytes) {
            dst[dstOff + i] = read(src, off);
        }
    }

    /** Converts {@code n} CPIXELs; one loop per layout keeps each loop free of branches. */
    public void convertCompact(byte[] src, int off, int[] dst, int dstOff, int n) {
        switch (cpixel) {
            case ONE -> {
                int[] t = table;
                for (int i = 0; i < n; i++) {
                    dst[dstOff + i] = t[src[off + i] & 0xFF];
                }
            }
            case TWO_LE -> convertTwoLe(src, off, dst, dstOff, n);
            case THREE_RGB -> {
                for (int i = 0; i < n; i++, off += 3) {
                    dst[dstOff + i] = Framebuffer.OPAQUE | (src[off + 2] & 0xFF) << 16 | (src[off + 1] & 0xFF) << 8
                            | (src[off] & 0xFF);
                }
            }
            case OTHER -> {
                for (int i = 0; i < n; i++, off += compactBytes) {
                    dst[dstOff + i] = readOther(src, off);
                }
            }
        }
    }

    private void convertTwoLe(byte[] src, int off, int[] dst, int dstOff, int n) {
        int[] t = table;
        for (int i = 0; i < n; i++, off += 2) {
            dst[dstOff + i] = t[(src[off] & 0xFF) | (src[off + 1] & 0xFF) << 8];
        }
    }
}
