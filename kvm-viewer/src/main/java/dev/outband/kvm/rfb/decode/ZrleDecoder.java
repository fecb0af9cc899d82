package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbSettings;
import java.io.IOException;

/** ZRLE (16): a u32 length, then zlib data continuing one stream for the whole connection. */
public final class ZrleDecoder implements Decoder, AutoCloseable {
    private final InflaterSource source = new InflaterSource();
    private final TileDecoder tiles = new TileDecoder();
    private byte[] compressed = new byte[64 * 1024];

    @Override
    public void decode(RfbInput in, RectHeader r, DecodeContext ctx) throws IOException {
        long len = in.u32();
        RfbSettings.check("ZRLE zlib chunk length", len, ctx.settings().maxZlibChunkBytes());
        int n = (int) len;
        if (compressed.length < n) {
            compressed = new byte[Math.max(n, compressed.length * 2)];
        }
        in.readFully(compressed, 0, n);
        decodeTiles(compressed, n, r, ctx);
    }

    /** Decodes tiles from already-read zlib bytes (also the benchmark's entry point). */
    public void decodeTiles(byte[] data, int len, RectHeader r, DecodeContext ctx) throws IOException {
        source.begin(data, len, maxInflated(r, ctx.pixels().compactBytesPerPixel()));
        PixelReader px = ctx.pixels();
        int[] dst = ctx.framebuffer().pixels();
        int stride = ctx.framebuffer().width();
        for (int ty = 0; ty < r.height(); ty += 64) {
            int th = Math.min(64, r.height() - ty);
            for (int tx = 0; tx < r.width(); tx += 64) {
                int tw = Math.min(64, r.width() - tx);
                tiles.decodeTile(source, px, dst, stride, r.x() + tx, r.y() + ty, tw, th, false);
            }
        }
        source.end();
    }

    /** The most bytes a rectangle's tiles can take: palettes plus a run byte and a pixel for every pixel. */
    private static long maxInflated(RectHeader r, int cb) {
        long tiles = ((r.width() + 63L) / 64) * ((r.height() + 63L) / 64);
        return tiles * (1 + 127L * cb) + (long) r.width() * r.height() * (cb + 1) + 64;
    }

    @Override
    public void close() {
        source.close();
    }
}
