package dev.outband.kvm.rfb.encode;

import dev.outband.kvm.rfb.Rect;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Encodes rectangles as ZRLE with one zlib stream per connection, as AMT does. With
 * {@code storedBlocks} the stream uses uncompressed deflate blocks, another thing AMT sends.
 */
public final class ZrleEncoder implements AutoCloseable {
    private final Deflater deflater;
    private final TileEncoder tiles = new TileEncoder();
    private final ByteBuf plain = new ByteBuf(64 * 1024);
    private byte[] out = new byte[64 * 1024];

    public ZrleEncoder(boolean storedBlocks) {
        deflater = new Deflater(storedBlocks ? Deflater.NO_COMPRESSION : Deflater.DEFAULT_COMPRESSION);
    }

    /** The rectangle's payload: u32 length, then the zlib bytes (continuing the stream). */
    public byte[] encode(int[] pixels, int stride, Rect r, PixelPacker packer) {
        plain.reset();
        for (int ty = 0; ty < r.height(); ty += 64) {
            int th = Math.min(64, r.height() - ty);
            for (int tx = 0; tx < r.width(); tx += 64) {
                int tw = Math.min(64, r.width() - tx);
                tiles.encode(pixels, stride, r.x() + tx, r.y() + ty, tw, th, packer, plain);
            }
        }
        deflater.setInput(plain.array(), 0, plain.size());
        int len = 4;
        while (true) {
            if (out.length - len < 1024) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            int avail = out.length - len;
            int n = deflater.deflate(out, len, avail, Deflater.SYNC_FLUSH);
            len += n;
            // a full buffer may hide more flushed output
            if (n < avail) {
                break;
            }
        }
        int data = len - 4;
        out[0] = (byte) (data >>> 24);
        out[1] = (byte) (data >>> 16);
        out[2] = (byte) (data >>> 8);
        out[3] = (byte) data;
        return Arrays.copyOf(out, len);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
