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
    private static final int SHORT_RUN = 16;

    /** For each byte value, its eight bits as 0 or -1, most significant first. */
    private static final int[] BIT_MASKS = new int[256 * 8];

    static {
        for (int i = 0; i < BIT_MASKS.length; i++) {
            BIT_MASKS[i] = -((i >>> 3) >>> (7 - (i & 7)) & 1);
        }
    }

    private final int[] palette = new int[128];
    private int paletteSize;
    private final int[] tile = new int[MAX_SIZE * MAX_SIZE + SHORT_RUN];

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
            readRle(src, px, true, tw * th);
            copyOut(dst, at, stride, tw, th);
        } else if (sub == 129 && trle) {
            requirePalette();
            readRle(src, px, false, tw * th);
            copyOut(dst, at, stride, tw, th);
        } else if (sub >= 130) {
            readPalette(src, px, sub - 128);
            readRle(src, px, false, tw * th);
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
     * background). Each pixel picks its colour with a mask from a table, not with a branch.
     */
    private void readOneBit(byte[] b, int from, int rowBytes, int[] dst, int at, int stride, int tw, int th) {
        int c0 = palette[0];
        int flip = c0 ^ palette[1];
        int[] m = BIT_MASKS;
        int whole = tw & ~7;
        for (int row = 0; row < th; row++, at += stride, from += rowBytes) {
            int i = from;
            int col = 0;
            for (; col < whole; col += 8) {
                int k = (b[i++] & 0xFF) << 3;
                int o = at + col;
                dst[o] = c0 ^ (flip & m[k]);
                dst[o + 1] = c0 ^ (flip & m[k + 1]);
                dst[o + 2] = c0 ^ (flip & m[k + 2]);
                dst[o + 3] = c0 ^ (flip & m[k + 3]);
                dst[o + 4] = c0 ^ (flip & m[k + 4]);
                dst[o + 5] = c0 ^ (flip & m[k + 5]);
                dst[o + 6] = c0 ^ (flip & m[k + 6]);
                dst[o + 7] = c0 ^ (flip & m[k + 7]);
            }
            if (col < tw) {
                for (int k = (b[i] & 0xFF) << 3; col < tw; col++, k++) {
                    dst[at + col] = c0 ^ (flip & m[k]);
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
     * Plain RLE (a CPIXEL and a length per run) and palette RLE (an index byte, with a length when
     * its top bit is set) in one loop. The read position stays in a local; the source is asked for
     * more only when the bytes in hand run out, which for ZRLE means a truncated rectangle.
     */
    private void readRle(ByteSource src, PixelReader px, boolean plain, int n) throws IOException {
        int[] t = tile;
        int[] pal = palette;
        int size = paletteSize;
        int cb = px.compactBytesPerPixel();
        byte[] b = src.array();
        int at = src.pos;
        int end = src.limit;
        int p = 0;
        while (p < n) {
            int argb;
            if (plain) {
                if (end - at < cb) {
                    at = src.more(at, cb);
                    end = src.limit;
                }
                argb = px.readCompact(b, at);
                at += cb;
            } else {
                if (at == end) {
                    at = src.more(at, 1);
                    end = src.limit;
                }
                int idx = b[at++];
                int i = idx & 127;
                if (i >= size) {
                    throw badIndex(i);
                }
                argb = pal[i];
                if (idx >= 0) {
                    t[p++] = argb;
                    continue;
                }
            }
            int len = 1;
            int v;
            do {
                if (at == end) {
                    at = src.more(at, 1);
                    end = src.limit;
                }
                v = b[at++] & 0xFF;
                len += v;
                // checked per byte so a peer cannot stream 255s forever
                if (len > n - p) {
                    throw overflow(len, n - p);
                }
            } while (v == 255);
            fillRun(t, p, len, argb);
            p += len;
        }
        src.pos = at;
    }

    /**
     * Most runs are short: up to {@link #SHORT_RUN} pixels are written as that many plain stores,
     * with no loop to mispredict. The extra pixels land where later runs (or the scratch's slack
     * past the tile) will be written anyway.
     */
    private static void fillRun(int[] t, int p, int len, int argb) {
        if (len > SHORT_RUN) {
            Arrays.fill(t, p, p + len, argb);
            return;
        }
        t[p] = argb;
        t[p + 1] = argb;
        t[p + 2] = argb;
        t[p + 3] = argb;
        t[p + 4] = argb;
        t[p + 5] = argb;
        t[p + 6] = argb;
        t[p + 7] = argb;
        t[p + 8] = argb;
        t[p + 9] = argb;
        t[p + 10] = argb;
        t[p + 11] = argb;
        t[p + 12] = argb;
        t[p + 13] = argb;
        t[p + 14] = argb;
        t[p + 15] = argb;
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
