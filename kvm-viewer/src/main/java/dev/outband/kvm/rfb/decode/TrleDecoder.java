package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import java.io.IOException;

/** TRLE (15): ZRLE's tile format in 16×16 tiles, uncompressed, with palette reuse. */
public final class TrleDecoder implements Decoder {
    private final StreamSource source = new StreamSource();
    private final TileDecoder tiles = new TileDecoder();

    @Override
    public void decode(RfbInput in, RectHeader r, DecodeContext ctx) throws IOException {
        source.on(in);
        tiles.resetPalette();
        PixelReader px = ctx.pixels();
        int[] dst = ctx.framebuffer().pixels();
        int stride = ctx.framebuffer().width();
        for (int ty = 0; ty < r.height(); ty += 16) {
            int th = Math.min(16, r.height() - ty);
            for (int tx = 0; tx < r.width(); tx += 16) {
                int tw = Math.min(16, r.width() - tx);
                tiles.decodeTile(source, px, dst, stride, r.x() + tx, r.y() + ty, tw, th, true);
            }
        }
    }
}
