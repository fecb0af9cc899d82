package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSettings;

/** What a decoder paints into and how it reads pixels; rebuilt when the pixel format changes. */
public record DecodeContext(Framebuffer framebuffer, PixelReader pixels, RfbSettings settings) {}
