package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbProtocolException;
import java.io.IOException;

/** Hextile (5): 16×16 tiles, raw or background + subrectangles; colours carry over between tiles. */
public final class HextileDecoder implements Decoder {
    private static final int RAW = 1;
    private static final int BACKGROUND = 2;
    private static final int FOREGROUND = 4;
    private static final int ANY_SUBRECTS = 8;
    private static final int SUBRECTS_COLOURED = 16;

    private final Scratch scratch = new Scratch();
    private final byte[] pixel = new byte[4];

    @Override
    public void decode(RfbInput in, RectHeader r, DecodeContext ctx) throws IOException {
        Framebuffer fb = ctx.framebuffer();
        PixelReader px = ctx.pixels();
        int bg = Framebuffer.OPAQUE;
        int fg = Framebuffer.OPAQUE;
        boolean coloursValid = false;
        for (int ty = 0; ty < r.height(); ty += 16) {
            int th = Math.min(16, r.height() - ty);
            for (int tx = 0; tx < r.width(); tx += 16) {
                int tw = Math.min(16, r.width() - tx);
                int x = r.x() + tx;
                int y = r.y() + ty;
                int mask = in.u8();
                if (mask > 31) {
                    throw new RfbProtocolException("bad Hextile subencoding " + mask);
                }
                if ((mask & RAW) != 0) {
                    readRaw(in, px, fb, x, y, tw, th);
                    coloursValid = false;
                    continue;
                }
                if ((mask & BACKGROUND) != 0) {
                    bg = readPixel(in, px);
                } else if (!coloursValid) {
                    throw new RfbProtocolException("Hextile tile reuses a background after a raw tile");
                }
                if ((mask & FOREGROUND) != 0) {
                    fg = readPixel(in, px);
                }
                coloursValid = true;
                fb.fill(x, y, tw, th, bg);
                if ((mask & ANY_SUBRECTS) == 0) {
                    continue;
                }
                int n = in.u8();
                boolean coloured = (mask & SUBRECTS_COLOURED) != 0;
                for (int i = 0; i < n; i++) {
                    int argb = coloured ? readPixel(in, px) : fg;
                    int xy = in.u8();
                    int wh = in.u8();
                    int sx = xy >>> 4;
                    int sy = xy & 15;
                    int sw = (wh >>> 4) + 1;
                    int sh = (wh & 15) + 1;
                    if (sx + sw > tw || sy + sh > th) {
                        throw new RfbProtocolException("Hextile subrectangle lies outside its tile");
                    }
                    ctx.budget().charge("Hextile subrectangles", sw * sh);
                    fb.fill(x + sx, y + sy, sw, sh, argb);
                }
            }
        }
    }

    private void readRaw(RfbInput in, PixelReader px, Framebuffer fb, int x, int y, int w, int h)
            throws IOException {
        int n = w * h * px.bytesPerPixel();
        byte[] b = scratch.get(n);
        in.readFully(b, 0, n);
        int[] dst = fb.pixels();
        int stride = fb.width();
        for (int row = 0; row < h; row++) {
            px.convert(b, row * w * px.bytesPerPixel(), dst, (y + row) * stride + x, w);
        }
    }

    private int readPixel(RfbInput in, PixelReader px) throws IOException {
        in.readFully(pixel, 0, px.bytesPerPixel());
        return px.read(pixel, 0);
    }
}
