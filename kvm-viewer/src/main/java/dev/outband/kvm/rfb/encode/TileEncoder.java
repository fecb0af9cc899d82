package dev.outband.kvm.rfb.encode;

/**
 * Encodes one ZRLE/TRLE tile with the smallest of solid, packed palette, palette RLE, plain RLE and
 * raw. Packed palette rows are padded to a byte, as the decoder expects.
 */
final class TileEncoder {
    private final int[] palette = new int[128];
    private final int[] tile = new int[64 * 64];

    void encode(int[] px, int stride, int x, int y, int tw, int th, PixelPacker packer, ByteBuf out) {
        int n = tw * th;
        for (int row = 0; row < th; row++) {
            System.arraycopy(px, (y + row) * stride + x, tile, row * tw, tw);
        }
        int colours = collectPalette(n);
        int cb = packer.compactBytesPerPixel();
        if (colours == 1) {
            out.write(1);
            packer.writeCompact(out, tile[0]);
            return;
        }
        long plainRle = 0;
        long paletteRle = colours > 0 ? (long) colours * cb : Long.MAX_VALUE;
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && tile[j] == tile[i]) {
                j++;
            }
            int len = j - i;
            int lenBytes = (len - 1) / 255 + 1;
            plainRle += cb + lenBytes;
            if (colours > 0) {
                paletteRle += len == 1 ? 1 : 1 + lenBytes;
            }
            i = j;
        }
        long raw = (long) n * cb;
        long packed = Long.MAX_VALUE;
        if (colours > 0 && colours <= 16) {
            int bits = colours == 2 ? 1 : colours <= 4 ? 2 : 4;
            packed = (long) colours * cb + (long) th * ((tw * bits + 7) / 8);
        }
        long best = Math.min(Math.min(raw, plainRle), Math.min(paletteRle, packed));
        if (best == packed) {
            writePacked(tw, th, colours, packer, out);
        } else if (best == paletteRle) {
            writePaletteRle(n, colours, packer, out);
        } else if (best == plainRle) {
            writePlainRle(n, packer, out);
        } else {
            out.write(0);
            for (int i = 0; i < n; i++) {
                packer.writeCompact(out, tile[i]);
            }
        }
    }

    /** Fills the palette; returns 0 when the tile has more than 127 colours. */
    private int collectPalette(int n) {
        int size = 0;
        int last = tile[0] + 1;
        for (int i = 0; i < n; i++) {
            int c = tile[i];
            if (c == last) {
                continue;
            }
            last = c;
            if (indexOf(c, size) < 0) {
                if (size == 127) {
                    return 0;
                }
                palette[size++] = c;
            }
        }
        return size;
    }

    private int indexOf(int c, int size) {
        for (int k = 0; k < size; k++) {
            if (palette[k] == c) {
                return k;
            }
        }
        return -1;
    }

    private void writePalette(int colours, PixelPacker packer, ByteBuf out) {
        for (int k = 0; k < colours; k++) {
            packer.writeCompact(out, palette[k]);
        }
    }

    private void writePacked(int tw, int th, int colours, PixelPacker packer, ByteBuf out) {
        out.write(colours);
        writePalette(colours, packer, out);
        int bits = colours == 2 ? 1 : colours <= 4 ? 2 : 4;
        for (int row = 0; row < th; row++) {
            int acc = 0;
            int used = 0;
            for (int col = 0; col < tw; col++) {
                acc = acc << bits | indexOf(tile[row * tw + col], colours);
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

    private void writePaletteRle(int n, int colours, PixelPacker packer, ByteBuf out) {
        out.write(128 + colours);
        writePalette(colours, packer, out);
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && tile[j] == tile[i]) {
                j++;
            }
            int idx = indexOf(tile[i], colours);
            if (j - i == 1) {
                out.write(idx);
            } else {
                out.write(idx | 128);
                writeRunLength(out, j - i);
            }
            i = j;
        }
    }

    private void writePlainRle(int n, PixelPacker packer, ByteBuf out) {
        out.write(128);
        for (int i = 0; i < n; ) {
            int j = i + 1;
            while (j < n && tile[j] == tile[i]) {
                j++;
            }
            packer.writeCompact(out, tile[i]);
            writeRunLength(out, j - i);
            i = j;
        }
    }

    static void writeRunLength(ByteBuf out, int len) {
        int rest = len - 1;
        while (rest >= 255) {
            out.write(255);
            rest -= 255;
        }
        out.write(rest);
    }
}
