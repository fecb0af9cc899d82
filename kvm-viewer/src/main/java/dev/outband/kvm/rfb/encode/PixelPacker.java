package dev.outband.kvm.rfb.encode;

import dev.outband.kvm.rfb.PixelFormat;

/** Turns ARGB into wire pixels of one true-colour {@link PixelFormat} (the server side of PixelReader). */
public final class PixelPacker {
    private final PixelFormat format;
    private final int bytes;
    private final int compactBytes;

    public PixelPacker(PixelFormat format) {
        if (!format.trueColour()) {
            throw new IllegalArgumentException("only true-colour formats can be encoded");
        }
        this.format = format;
        this.bytes = format.bytesPerPixel();
        this.compactBytes = format.compactBytesPerPixel();
    }

    public PixelFormat format() {
        return format;
    }

    public int compactBytesPerPixel() {
        return compactBytes;
    }

    /** The pixel value (before byte order) for an ARGB colour. */
    public int value(int argb) {
        int r = argb >>> 16 & 255;
        int g = argb >>> 8 & 255;
        int b = argb & 255;
        if (format.isGrey()) {
            int lum = (r * 299 + g * 587 + b * 114) / 1000;
            return scale(lum, format.redMax()) << format.redShift();
        }
        return scale(r, format.redMax()) << format.redShift() | scale(g, format.greenMax()) << format.greenShift()
                | scale(b, format.blueMax()) << format.blueShift();
    }

    private static int scale(int c, int max) {
        return (c * max + 127) / 255;
    }

    public void write(ByteBuf out, int argb) {
        put(out, value(argb), bytes, format.bigEndian());
    }

    public void writeCompact(ByteBuf out, int argb) {
        if (compactBytes != 3) {
            write(out, argb);
            return;
        }
        int v = value(argb);
        put(out, format.fitsLowThreeBytes() ? v : v >>> 8, 3, format.bigEndian());
    }

    private static void put(ByteBuf out, int v, int n, boolean bigEndian) {
        for (int i = 0; i < n; i++) {
            int shift = bigEndian ? 8 * (n - 1 - i) : 8 * i;
            out.write(v >>> shift);
        }
    }
}
