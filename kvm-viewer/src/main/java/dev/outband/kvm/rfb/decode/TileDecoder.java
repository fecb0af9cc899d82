package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RfbProtocolException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The tile format ZRLE (64×64) and TRLE (16×16) share: raw, solid, packed palette (rows padded to
 * a byte), plain RLE and palette RLE. TRLE also reuses the previous tile's palette (127, 129).
 */
final class TileDecoder {
    private final int[] palette = new int[128];
    private int paletteSize;

    /** Forgets the palette: TRLE may only reuse one from the same rectangle. */
    void resetPalette() {
        paletteSize = 0;
    }

    void decodeTile(ByteSource src, PixelReader px, int[] dst, int stride, int x, int y, int tw, int th, boolean trle)
            throws IOException {
        int sub = src.u8();
        if (sub == 0) {
            readRaw(src, px, dst, stride, x, y, tw, th);
        } else if (sub == 1) {
            fill(dst, stride, x, y, tw, th, readCompact(src, px));
        } else if (sub <= 16) {
            readPalette(src, px, sub);
            readPacked(src, dst, stride, x, y, tw, th);
        } else if (sub == 127 && trle) {
            requirePalette();
            readPacked(src, dst, stride, x, y, tw, th);
        } else if (sub == 128) {
            readPlainRle(src, px, dst, stride, x, y, tw, th);
        } else if (sub == 129 && trle) {
            requirePalette();
            readPaletteRle(src, dst, stride, x, y, tw, th);
        } else if (sub >= 130) {
            readPalette(src, px, sub - 128);
            readPaletteRle(src, dst, stride, x, y, tw, th);
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

    private void readRaw(ByteSource src, PixelReader px, int[] dst, int stride, int x, int y, int tw, int th)
            throws IOException {
        int cb = px.compactBytesPerPixel();
        int at = src.take(tw * th * cb);
        byte[] raw = src.array();
        for (int row = 0; row < th; row++) {
            px.convertCompact(raw, at + row * tw * cb, dst, (y + row) * stride + x, tw);
        }
    }

    private void readPalette(ByteSource src, PixelReader px, int size) throws IOException {
        int cb = px.compactBytesPerPixel();
        int at = src.take(size * cb);
        px.convertCompact(src.array(), at, palette, 0, size);
        paletteSize = size;
    }

    private void readPacked(ByteSource src, int[] dst, int stride, int x, int y, int tw, int th) throws IOException {
        int bits = paletteSize == 2 ? 1 : paletteSize <= 4 ? 2 : 4;
        int perByte = 8 / bits;
        int mask = (1 << bits) - 1;
        int rowBytes = (tw * bits + 7) / 8;
        // with a full palette every index is valid, so the check per pixel is skipped
        boolean check = paletteSize != 1 << bits;
        int[] pal = palette;
        for (int row = 0; row < th; row++) {
            int at = src.take(rowBytes);
            byte[] b = src.array();
            int out = (y + row) * stride + x;
            int col = 0;
            for (int i = 0; i < rowBytes; i++) {
                int v = b[at + i] & 0xFF;
                int end = Math.min(tw, col + perByte);
                for (int shift = 8 - bits; col < end; col++, shift -= bits) {
                    int idx = v >>> shift & mask;
                    if (check && idx >= paletteSize) {
                        throw new RfbProtocolException("palette index " + idx + " beyond a palette of " + paletteSize);
                    }
                    dst[out + col] = pal[idx];
                }
            }
        }
    }

    // The RLE loops keep their position in locals (no division, no helper object per run): they are
    // the hot path of AMT's ZRLE and must stay close to the cost of inflating the same bytes.

    private void readPlainRle(ByteSource src, PixelReader px, int[] dst, int stride, int x, int y, int tw,
            int th) throws IOException {
        int rowStart = y * stride + x;
        int col = 0;
        int remaining = tw * th;
        while (remaining > 0) {
            int argb = readCompact(src, px);
            int len = runLength(src, remaining);
            remaining -= len;
            while (len > 0) {
                int n = Math.min(len, tw - col);
                int at = rowStart + col;
                for (int i = 0; i < n; i++) {
                    dst[at + i] = argb;
                }
                len -= n;
                col += n;
                if (col == tw) {
                    col = 0;
                    rowStart += stride;
                }
            }
        }
    }

    private void readPaletteRle(ByteSource src, int[] dst, int stride, int x, int y, int tw, int th) throws IOException {
        int[] pal = palette;
        int size = paletteSize;
        int rowStart = y * stride + x;
        int col = 0;
        int remaining = tw * th;
        while (remaining > 0) {
            int idx = src.u8();
            if (idx < 128) {
                if (idx >= size) {
                    throw badIndex(idx);
                }
                dst[rowStart + col] = pal[idx];
                remaining--;
                if (++col == tw) {
                    col = 0;
                    rowStart += stride;
                }
                continue;
            }
            idx &= 127;
            if (idx >= size) {
                throw badIndex(idx);
            }
            int argb = pal[idx];
            int len = runLength(src, remaining);
            remaining -= len;
            while (len > 0) {
                int n = Math.min(len, tw - col);
                int at = rowStart + col;
                for (int i = 0; i < n; i++) {
                    dst[at + i] = argb;
                }
                len -= n;
                col += n;
                if (col == tw) {
                    col = 0;
                    rowStart += stride;
                }
            }
        }
    }

    private RfbProtocolException badIndex(int idx) {
        return new RfbProtocolException("palette index " + idx + " beyond a palette of " + paletteSize);
    }

    /** 1 + the sum of the length bytes, which continue while a byte is 255. */
    private static int runLength(ByteSource src, int remaining) throws IOException {
        int len = 1;
        int b;
        do {
            b = src.u8();
            len += b;
            if (len > remaining) {
                throw overflow(len, remaining);
            }
        } while (b == 255);
        return len;
    }

    /** Kept out of line so the hot run-length loop stays small enough to inline. */
    private static RfbProtocolException overflow(int len, int remaining) {
        return new RfbProtocolException("run of " + len + " pixels overflows its tile (" + remaining + " left)");
    }

    private static void fill(int[] dst, int stride, int x, int y, int tw, int th, int argb) {
        for (int row = 0; row < th; row++) {
            int at = (y + row) * stride + x;
            Arrays.fill(dst, at, at + tw, argb);
        }
    }
}
