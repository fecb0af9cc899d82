package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbProtocolException;
import java.io.IOException;

/** CopyRect (1): the rectangle's pixels come from elsewhere in the framebuffer. */
public final class CopyRectDecoder implements Decoder {
    @Override
    public void decode(RfbInput in, RectHeader r, DecodeContext ctx) throws IOException {
        int srcX = in.u16();
        int srcY = in.u16();
        if (!ctx.framebuffer().contains(srcX, srcY, r.width(), r.height())) {
            throw new RfbProtocolException("CopyRect source " + srcX + "," + srcY + " " + r.width() + "x"
                    + r.height() + " lies outside the framebuffer");
        }
        ctx.framebuffer().copy(srcX, srcY, r.x(), r.y(), r.width(), r.height());
    }
}
