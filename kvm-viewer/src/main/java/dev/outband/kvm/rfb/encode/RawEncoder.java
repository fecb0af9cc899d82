package dev.outband.kvm.rfb.encode;

import dev.outband.kvm.rfb.Rect;

/** Encodes rectangles as Raw pixels. */
public final class RawEncoder {
    public byte[] encode(int[] pixels, int stride, Rect r, PixelPacker packer) {
        ByteBuf out = new ByteBuf(r.width() * r.height() * packer.format().bytesPerPixel());
        for (int y = r.y(); y < r.y() + r.height(); y++) {
            for (int x = r.x(); x < r.x() + r.width(); x++) {
                packer.write(out, pixels[y * stride + x]);
            }
        }
        return out.toByteArray();
    }
}
