package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSettings;

/**
 * What a decoder paints into and how it reads pixels; rebuilt for each FramebufferUpdate, which gets its own
 * {@link PaintBudget}.
 */
public record DecodeContext(Framebuffer framebuffer, PixelReader pixels, RfbSettings settings, PaintBudget budget) {

    /** A context for one update, with a fresh budget for the framebuffer's current size. */
    public DecodeContext(Framebuffer framebuffer, PixelReader pixels, RfbSettings settings) {
        this(framebuffer, pixels, settings, PaintBudget.forUpdate(framebuffer, settings));
    }
}
