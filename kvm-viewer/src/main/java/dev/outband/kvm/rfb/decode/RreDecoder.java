package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbProtocolException;
import dev.outband.kvm.rfb.RfbSettings;
import java.io.IOException;

/** RRE (2): a background colour and solid subrectangles. */
public final class RreDecoder implements Decoder {
    private final byte[] pixel = new byte[4];

    @Override
    public void decode(RfbInput in, RectHeader r, DecodeContext ctx) throws IOException {
        Framebuffer fb = ctx.framebuffer();
        PixelReader px = ctx.pixels();
        long count = in.u32();
        // More subrectangles than pixels can only repaint what is already painted.
        RfbSettings.check("RRE subrectangle count", count,
                Math.min(ctx.settings().maxRreSubrects(), r.rect().area()));
        fb.fill(r.x(), r.y(), r.width(), r.height(), readPixel(in, px));
        for (long i = 0; i < count; i++) {
            int argb = readPixel(in, px);
            int x = in.u16();
            int y = in.u16();
            int w = in.u16();
            int h = in.u16();
            if (x + w > r.width() || y + h > r.height()) {
                throw new RfbProtocolException("RRE subrectangle " + x + "," + y + " " + w + "x" + h
                        + " lies outside its " + r.width() + "x" + r.height() + " rectangle");
            }
            ctx.budget().charge("RRE subrectangles", (long) w * h);
            fb.fill(r.x() + x, r.y() + y, w, h, argb);
        }
    }

    private int readPixel(RfbInput in, PixelReader px) throws IOException {
        in.readFully(pixel, 0, px.bytesPerPixel());
        return px.read(pixel, 0);
    }
}
