package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbSettings;
import java.io.IOException;

/** Cursor (−239): pixels then a 1-bit mask with rows padded to a byte, into its own buffer. */
public final class CursorDecoder {

    public CursorImage read(RfbInput in, RectHeader r, DecodeContext ctx) throws IOException {
        int w = r.width();
        int h = r.height();
        RfbSettings.check("cursor width", w, ctx.settings().maxCursorSide());
        RfbSettings.check("cursor height", h, ctx.settings().maxCursorSide());
        PixelReader px = ctx.pixels();
        byte[] pixels = in.readBytes(w * h * px.bytesPerPixel());
        int maskRow = (w + 7) / 8;
        byte[] mask = in.readBytes(maskRow * h);
        int[] argb = new int[w * h];
        px.convert(pixels, 0, argb, 0, w * h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean visible = (mask[y * maskRow + x / 8] & (0x80 >>> (x & 7))) != 0;
                if (!visible) {
                    argb[y * w + x] = 0;
                }
            }
        }
        return new CursorImage(r.x(), r.y(), w, h, argb);
    }
}
