package dev.outband.kvm.testsupport;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import java.awt.image.BufferedImage;

/** Pixel comparisons between a decoded framebuffer and a ground-truth image. */
public final class Images {
    private Images() {}

    /** Largest per-channel error the format's quantisation allows (0 for 8 bits per channel). */
    public static int tolerance(PixelFormat f) {
        int smallest = Math.min(f.redMax(), Math.min(f.greenMax(), f.blueMax()));
        return smallest >= 255 ? 0 : (256 + smallest) / (smallest + 1);
    }

    /** Describes the first pixel whose channels differ by more than {@code tolerance}, or null. */
    public static String firstMismatch(Framebuffer fb, BufferedImage truth, int tolerance) {
        if (fb.width() != truth.getWidth() || fb.height() != truth.getHeight()) {
            return "size " + fb.width() + "x" + fb.height() + " vs " + truth.getWidth() + "x" + truth.getHeight();
        }
        for (int y = 0; y < fb.height(); y++) {
            for (int x = 0; x < fb.width(); x++) {
                int a = fb.pixel(x, y);
                int b = truth.getRGB(x, y);
                if (channelError(a, b) > tolerance) {
                    return String.format("pixel %d,%d: decoded %06x, truth %06x", x, y, a & 0xFFFFFF, b & 0xFFFFFF);
                }
            }
        }
        return null;
    }

    public static int channelError(int a, int b) {
        int dr = Math.abs((a >> 16 & 255) - (b >> 16 & 255));
        int dg = Math.abs((a >> 8 & 255) - (b >> 8 & 255));
        int db = Math.abs((a & 255) - (b & 255));
        return Math.max(dr, Math.max(dg, db));
    }
}
