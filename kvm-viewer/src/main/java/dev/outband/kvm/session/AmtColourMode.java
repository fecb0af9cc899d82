package dev.outband.kvm.session;

import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.ServerInit;

/** Pixel formats AMT accepts; AUTO keeps bpp·w·h within the firmware's 8 MB buffer. */
public enum AmtColourMode {
    AUTO(null),
    RGB565(PixelFormat.RGB565),
    RGB332(PixelFormat.RGB332),
    GREY8(PixelFormat.GREY8),
    GREY4(PixelFormat.GREY4);

    /** bytes per pixel × width × height the firmware handles at 16 bpp. */
    public static final long FIRMWARE_BUFFER_BYTES = 9_216_000L;

    private final PixelFormat format;

    AmtColourMode(PixelFormat format) {
        this.format = format;
    }

    public PixelFormat formatFor(ServerInit init) {
        if (format != null) {
            return format;
        }
        long bytes16 = 2L * init.width() * init.height();
        return bytes16 <= FIRMWARE_BUFFER_BYTES ? PixelFormat.RGB565 : PixelFormat.RGB332;
    }
}
