package dev.outband.kvm.rfb;

import dev.outband.kvm.rfb.decode.CursorImage;
import dev.outband.kvm.rfb.decode.DecodeContext;
import dev.outband.kvm.rfb.decode.Decoder;
import dev.outband.kvm.rfb.decode.Decoders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the rectangles of one FramebufferUpdate: pseudo-encodings here, pixels through the decoders. */
final class UpdateReader {
    private final RfbCodec codec;
    private final Decoders decoders;

    /** What an update did, for the listener: the pixel rectangles in order and their bounds (null: none). */
    record Result(Rect painted, List<Rect> rects, boolean resized, CursorImage cursor) {}

    UpdateReader(RfbCodec codec, Decoders decoders) {
        this.codec = codec;
        this.decoders = decoders;
    }

    Result read(RfbInput in, int rectCount, DecodeContext ctx) throws IOException {
        Framebuffer fb = ctx.framebuffer();
        Rect painted = null;
        List<Rect> rects = new ArrayList<>();
        boolean resized = false;
        CursorImage cursor = null;
        for (int i = 0; i < rectCount; i++) {
            RectHeader h = codec.readRectHeader(in);
            int enc = h.encoding();
            if (enc == Encoding.LAST_RECT.id()) {
                break;
            } else if (enc == Encoding.DESKTOP_SIZE.id()) {
                codec.checkSize(h.width(), h.height());
                fb.resize(h.width(), h.height());
                resized = true;
            } else if (enc == Encoding.EXTENDED_DESKTOP_SIZE.id()) {
                int screens = in.u8();
                in.skip(3 + 16 * screens);
                // y carries the status: non-zero answers a resize request of ours that failed
                if (h.y() == 0) {
                    codec.checkSize(h.width(), h.height());
                    fb.resize(h.width(), h.height());
                    resized = true;
                }
            } else if (enc == Encoding.CURSOR.id()) {
                cursor = decoders.cursor().read(in, h, ctx);
            } else {
                Decoder decoder = decoders.forEncoding(enc);
                if (decoder == null) {
                    throw new RfbProtocolException("the server sent " + Encoding.nameOf(enc) + ", which we did not ask for");
                }
                if (!fb.contains(h.x(), h.y(), h.width(), h.height())) {
                    throw new RfbProtocolException(Encoding.nameOf(enc) + " rectangle " + h.x() + "," + h.y() + " "
                            + h.width() + "x" + h.height() + " lies outside the " + fb.width() + "x" + fb.height()
                            + " framebuffer");
                }
                ctx.budget().charge(Encoding.nameOf(enc) + " rectangles", h.rect().area());
                decoder.decode(in, h, ctx);
                fb.markDirty(h.x(), h.y(), h.width(), h.height());
                Rect r = h.rect();
                painted = painted == null ? r : painted.union(r);
                rects.add(r);
            }
        }
        return new Result(painted, rects, resized, cursor);
    }
}
