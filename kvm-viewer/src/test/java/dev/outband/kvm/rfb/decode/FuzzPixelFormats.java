package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbSettings;
import java.util.List;

/** The pixel formats and limits the RFB fuzz targets decode with, chosen by one input byte. */
public final class FuzzPixelFormats {
    /** Small framebuffer limits keep each input fast; the checks are the same as at 8192×8192. */
    public static final RfbSettings SETTINGS = new RfbSettings(256, 256, 65535, 1 << 16, 1 << 20, 1 << 12, 4096, 64,
            RfbSettings.defaults().maxOverdraw(), RfbSettings.defaults().handshakeTimeout(),
            RfbSettings.defaults().formatSwitchIdle());

    /** What a session asks for: true colour 32/16/8 bpp, AMT's grey modes, big-endian, and a colour map. */
    private static final List<PixelFormat> FORMATS = List.of(PixelFormat.RGB888, PixelFormat.RGB565,
            PixelFormat.RGB332, PixelFormat.GREY8, PixelFormat.GREY4,
            new PixelFormat(8, 8, false, false, 0, 0, 0, 0, 0, 0),
            new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16));

    /** True-colour readers hold no state, so they are built once: their tables are costly under coverage. */
    private static final List<PixelReader> TRUE_COLOUR = FORMATS.stream()
            .map(f -> f.trueColour() ? new PixelReader(f) : null).toList();

    private FuzzPixelFormats() {
    }

    /** The reader for the format {@code selector} picks; a colour-mapped one is fresh, as SetColourMapEntries changes it. */
    public static PixelReader reader(byte selector) {
        int index = (selector & 0xFF) % FORMATS.size();
        PixelReader shared = TRUE_COLOUR.get(index);
        return shared != null ? shared : new PixelReader(FORMATS.get(index));
    }
}
