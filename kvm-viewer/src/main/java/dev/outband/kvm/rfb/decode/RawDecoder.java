package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import java.io.IOException;

/** Raw (0): width × height pixels, row by row. */
public final class RawDecoder implements Decoder {
    private final Scratch scratch = new Scratch();

    @Override
    public void decode(RfbInput in, RectHeader r, DecodeContext ctx) throws IOException {
        Framebuffer fb = ctx.framebuffer();
        PixelReader px = ctx.pixels();
        int rowBytes = r.width() * px.bytesPerPixel();
        byte[] row = scratch.get(rowBytes);
        int[] dst = fb.pixels();
        int stride = fb.width();
        for (int y = 0; y < r.height(); y++) {
            in.readFully(row, 0, rowBytes);
            px.convert(row, 0, dst, (r.y() + y) * stride + r.x(), r.width());
        }
    }
}
