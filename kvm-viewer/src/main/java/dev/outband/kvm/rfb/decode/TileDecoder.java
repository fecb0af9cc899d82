package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RfbProtocolException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The tile format ZRLE (64×64) and TRLE (16×16) share: raw, solid, packed palette (rows padded to
 * a byte), plain RLE and palette RLE. TRLE also reuses the previous tile's palette (127, 129).
 *
 * <p>RLE tiles are decoded into a tile-sized scratch array, where a run is filled in one go
 * whatever rows it spans, and then copied into the framebuffer a row at a time. Raw, solid and
 * packed tiles are written row by row straight into the framebuffer.
 */
final class TileDecoder {
    private static final int MAX_SIZE = 64;
    /** {@link #fillRun} writes whole steps of eight, up to seven pixels past a run. */
    private static final int RUN_STEP = 8;

    private final int[] palette = new int[128];
    /** Four-pixel patterns of a two-colour tile, one per nibble value. */
    private final int[] nibbles = new int[16 * 4];
    private int paletteSize;
    private final int[] tile = new int[MAX_SIZE * MAX_SIZE + RUN_STEP - 1];

    /** Forgets the palette: TRLE may only reuse one from the same rectangle. */
    void resetPalette() {
        paletteSize = 0;
    }

    void decodeTile(ByteSource src, PixelReader px, int[] dst, int stride, int x, int y, int tw, int th, boolean trle)
            throws IOException {
        int at = y * stride + x;
        int sub = src.u8();
        if (sub == 0) {
            readRaw(src, px, dst, at, stride, tw, th);
        } else if (sub == 1) {
            fill(dst, at, stride, tw, th, readCompact(src, px));
        } else if (sub <= 16) {
            readPalette(src, px, sub);
            readPacked(src, dst, at, stride, tw, th);
        } else if (sub == 127 && trle) {
            requirePalette();
            readPacked(src, dst, at, stride, tw, th);
        } else if (sub == 128) {
            readPlainRle(src, px, tw * th);
            copyOut(dst, at, stride, tw, th);
        } else if (sub == 129 && trle) {
            requirePalette();
            readPaletteRle(src, tw * th);
            copyOut(dst, at, stride, tw, th);
        } else if (sub >= 130) {
            readPalette(src, px, sub - 128);
            readPaletteRle(src, tw * th);
            copyOut(dst, at, stride, tw, th);
        } else {
            throw new RfbProtocolException("bad " + (trle ? "TRLE" : "ZRLE") + " subencoding " + sub);
        }
    }

    private void requirePalette() throws RfbProtocolException {
        if (paletteSize == 0) {
            throw new RfbProtocolException("TRLE tile reuses a palette before any was sent");
        }
    }

    private static int readCompact(ByteSource src, PixelReader px) throws IOException {
        int at = src.take(px.compactBytesPerPixel());
        return px.readCompact(src.array(), at);
    }

    private static void readRaw(ByteSource src, PixelReader px, int[] dst, int at, int stride, int tw, int th)
            throws IOException {
        int rowBytes = tw * px.compactBytesPerPixel();
        int from = src.take(rowBytes * th);
        byte[] raw = src.array();
        for (int row = 0; row < th; row++, at += stride, from += rowBytes) {
            px.convertCompact(raw, from, dst, at, tw);
        }
    }

    private void readPalette(ByteSource src, PixelReader px, int size) throws IOException {
        int at = src.take(size * px.compactBytesPerPixel());
        px.convertCompact(src.array(), at, palette, 0, size);
        paletteSize = size;
    }

    private void readPacked(ByteSource src, int[] dst, int at, int stride, int tw, int th) throws IOException {
        int bits = paletteSize == 2 ? 1 : paletteSize <= 4 ? 2 : 4;
        int rowBytes = (tw * bits + 7) >>> 3;
        int from = src.take(rowBytes * th);
        byte[] b = src.array();
        if (bits == 1) {
            readOneBit(b, from, rowBytes, dst, at, stride, tw, th);
        } else {
            readMultiBit(b, from, rowBytes, bits, dst, at, stride, tw, th);
        }
    }

    /**
     * Two colours, eight pixels a byte: the most common tile on a desktop (text on a plain
     * background). The tile's two colours are first spread over a table of the 16 four-pixel
     * patterns a nibble can give, so each pixel is one load and one store.
     */
    private void readOneBit(byte[] b, int from, int rowBytes, int[] dst, int at, int stride, int tw, int th) {
        int[] q = nibbles;
        int c0 = palette[0];
        int c1 = palette[1];
        for (int v = 0; v < 16; v++) {
            q[4 * v] = (v & 8) == 0 ? c0 : c1;
            q[4 * v + 1] = (v & 4) == 0 ? c0 : c1;
            q[4 * v + 2] = (v & 2) == 0 ? c0 : c1;
            q[4 * v + 3] = (v & 1) == 0 ? c0 : c1;
        }
        int whole = tw & ~7;
        for (int row = 0; row < th; row++, at += stride, from += rowBytes) {
            int i = from;
            int col = 0;
            for (; col < whole; col += 8) {
                int k = b[i++];
                int hi = k >>> 2 & 0x3C;
                int lo = (k & 15) << 2;
                int o = at + col;
                dst[o] = q[hi];
                dst[o + 1] = q[hi + 1];
                dst[o + 2] = q[hi + 2];
                dst[o + 3] = q[hi + 3];
                dst[o + 4] = q[lo];
                dst[o + 5] = q[lo + 1];
                dst[o + 6] = q[lo + 2];
                dst[o + 7] = q[lo + 3];
            }
            if (col < tw) {
                for (int k = b[i] & 0xFF; col < tw; col++, k <<= 1) {
                    dst[at + col] = (k & 0x80) == 0 ? c0 : c1;
                }
            }
        }
    }

    /** Three to sixteen colours at two or four bits a pixel; indices past the palette are refused. */
    private void readMultiBit(byte[] b, int from, int rowBytes, int bits, int[] dst, int at, int stride, int tw,
            int th) throws RfbProtocolException {
        int mask = (1 << bits) - 1;
        int size = paletteSize;
        int[] pal = palette;
        for (int row = 0; row < th; row++, at += stride, from += rowBytes) {
            int i = from;
            int v = 0;
            int shift = -1;
            for (int col = 0; col < tw; col++) {
                if (shift < 0) {
                    v = b[i++];
                    shift = 8 - bits;
                }
                int idx = v >>> shift & mask;
                if (idx >= size) {
                    throw badIndex(idx);
                }
                dst[at + col] = pal[idx];
                shift -= bits;
            }
        }
    }

    /**
     * Palette RLE: an index byte, followed by a run length when its top bit is set. The read
     * position stays in a local; the source is asked for more only when the bytes in hand run
     * out, which for ZRLE means a truncated rectangle.
     */
    private void readPaletteRle(ByteSource src, int n) throws IOException {
        int[] t = tile;
        int[] pal = palette;
        int size = paletteSize;
        byte[] b = src.array();
        int at = src.pos;
        int end = src.limit;
        int p = 0;
        while (p < n) {
            if (at == end) {
                at = src.more(at, 1);
                end = src.limit;
            }
            int idx = b[at++];
            int i = idx & 127;
            if (i >= size) {
                throw badIndex(i);
            }
            int argb = pal[i];
            if (idx >= 0) {
                t[p++] = argb;
                continue;
            }
            if (at == end) {
                at = src.more(at, 1);
            }
            p = lengthAndFill(src, b, at, p, n, argb);
            at = src.pos;
            end = src.limit;
        }
        src.pos = at;
    }

    /** Plain RLE: a CPIXEL and a run length for every run. */
    private void readPlainRle(ByteSource src, PixelReader px, int n) throws IOException {
        int cb = px.compactBytesPerPixel();
        byte[] b = src.array();
        int at = src.pos;
        int end = src.limit;
        int p = 0;
        while (p < n) {
            if (end - at <= cb) {
                at = src.more(at, cb + 1);
                end = src.limit;
            }
            int argb = px.readCompact(b, at);
            p = lengthAndFill(src, b, at + cb, p, n, argb);
            at = src.pos;
            end = src.limit;
        }
        src.pos = at;
    }

    /**
     * Reads the run length at {@code at} and fills the run from {@code p}; returns where the next
     * run starts and leaves the source just after the length.
     */
    private int lengthAndFill(ByteSource src, byte[] b, int at, int p, int n, int argb) throws IOException {
        int len = (b[at] & 0xFF) + 1;
        src.pos = at + 1;
        if (len == 256) {
            len = longRun(src, n - p);
        } else if (len > n - p) {
            throw overflow(len, n - p);
        }
        fillRun(tile, p, len, argb);
        return p + len;
    }

    /**
     * The rest of a run length whose first byte was 255: more bytes follow while they are 255.
     * Checked per byte so a peer cannot stream 255s forever; leaves the source after the last byte.
     */
    private static int longRun(ByteSource src, int left) throws IOException {
        int len = 256;
        int v;
        do {
            v = src.u8();
            len += v;
            if (len > left) {
                throw overflow(len, left);
            }
        } while (v == 255);
        return len;
    }

    /**
     * Fills a run eight pixels at a time, up to seven past its end: those land where later runs
     * (or the scratch's slack past the tile) will be written anyway. A desktop's runs are mostly
     * under 24 pixels, so one to three steps, where a fill sized to the run spends more on its
     * alignment and tail than on the stores.
     */
    private static void fillRun(int[] t, int p, int len, int argb) {
        int end = p + len;
        do {
            t[p] = argb;
            t[p + 1] = argb;
            t[p + 2] = argb;
            t[p + 3] = argb;
            t[p + 4] = argb;
            t[p + 5] = argb;
            t[p + 6] = argb;
            t[p + 7] = argb;
            p += RUN_STEP;
        } while (p < end);
    }

    private RfbProtocolException badIndex(int idx) {
        return new RfbProtocolException("palette index " + idx + " beyond a palette of " + paletteSize);
    }

    /** Kept out of line so the hot run loop stays small. */
    private static RfbProtocolException overflow(int len, int remaining) {
        return new RfbProtocolException("run of " + len + " pixels overflows its tile (" + remaining + " left)");
    }

    private void copyOut(int[] dst, int at, int stride, int tw, int th) {
        for (int row = 0, from = 0; row < th; row++, at += stride, from += tw) {
            System.arraycopy(tile, from, dst, at, tw);
        }
    }

    private static void fill(int[] dst, int at, int stride, int tw, int th, int argb) {
        for (int row = 0; row < th; row++, at += stride) {
            Arrays.fill(dst, at, at + tw, argb);
        }
    }
}
