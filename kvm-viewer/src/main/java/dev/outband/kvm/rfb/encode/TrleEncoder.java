package dev.outband.kvm.rfb.encode;

import dev.outband.kvm.rfb.Rect;

/** Encodes rectangles as TRLE (16×16 tiles, no zlib); no Debian server emits it, so tests use this. */
public final class TrleEncoder {
    private final TileEncoder tiles = new TileEncoder();

    public byte[] encode(int[] pixels, int stride, Rect r, PixelPacker packer) {
        ByteBuf out = new ByteBuf(r.width() * r.height());
        for (int ty = 0; ty < r.height(); ty += 16) {
            int th = Math.min(16, r.height() - ty);
            for (int tx = 0; tx < r.width(); tx += 16) {
                int tw = Math.min(16, r.width() - tx);
                tiles.encode(pixels, stride, r.x() + tx, r.y() + ty, tw, th, packer, out);
            }
        }
        return out.toByteArray();
    }
}
