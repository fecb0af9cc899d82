package dev.outband.kvm.rfb;

/** The RFB PIXEL_FORMAT structure (16 bytes on the wire). */
public record PixelFormat(
        int bitsPerPixel,
        int depth,
        boolean bigEndian,
        boolean trueColour,
        int redMax,
        int greenMax,
        int blueMax,
        int redShift,
        int greenShift,
        int blueShift) {

    /** 32 bpp little-endian 0x00RRGGBB: maps straight onto our ARGB framebuffer. */
    public static final PixelFormat RGB888 = new PixelFormat(32, 24, false, true, 255, 255, 255, 16, 8, 0);
    /** AMT's default 16 bpp format. */
    public static final PixelFormat RGB565 = new PixelFormat(16, 16, false, true, 31, 63, 31, 11, 5, 0);
    /** 8 bpp true colour, for large screens on AMT. */
    public static final PixelFormat RGB332 = new PixelFormat(8, 8, false, true, 7, 7, 3, 5, 2, 0);
    /** AMT's 8-bit grey mode: only the "red" channel carries the intensity. */
    public static final PixelFormat GREY8 = new PixelFormat(8, 8, false, true, 255, 0, 0, 0, 0, 0);
    /** AMT's 4-bit grey mode. */
    public static final PixelFormat GREY4 = new PixelFormat(8, 4, false, true, 15, 0, 0, 0, 0, 0);

    public PixelFormat {
        if (bitsPerPixel != 8 && bitsPerPixel != 16 && bitsPerPixel != 32) {
            throw new IllegalArgumentException("bits per pixel must be 8, 16 or 32, not " + bitsPerPixel);
        }
        if (redMax < 0 || greenMax < 0 || blueMax < 0 || redMax > 0xFFFF || greenMax > 0xFFFF || blueMax > 0xFFFF) {
            throw new IllegalArgumentException("colour maxima must be 0..65535");
        }
    }

    public int bytesPerPixel() {
        return bitsPerPixel / 8;
    }

    /** True when only one channel is present (AMT's grey modes). */
    public boolean isGrey() {
        return trueColour && greenMax == 0 && blueMax == 0 && redMax > 0;
    }

    /**
     * CPIXEL size used by ZRLE and TRLE: 3 bytes when true colour, 32 bpp, depth ≤ 24 and all colour
     * bits fit in the low or the high three bytes.
     */
    public int compactBytesPerPixel() {
        if (trueColour && bitsPerPixel == 32 && depth <= 24 && (fitsLowThreeBytes() || fitsHighThreeBytes())) {
            return 3;
        }
        return bytesPerPixel();
    }

    /** For a 3-byte CPIXEL: whether the bytes are the least significant three of the pixel value. */
    public boolean fitsLowThreeBytes() {
        return colourBits() <= 0xFFFFFFL;
    }

    private boolean fitsHighThreeBytes() {
        return (colourBits() & 0xFFL) == 0;
    }

    private long colourBits() {
        return ((long) redMax << redShift) | ((long) greenMax << greenShift) | ((long) blueMax << blueShift);
    }

    /** The name a viewer shows the technician (e.g. in a Colours box). */
    public String label() {
        if (isGrey()) {
            return "Grey " + depth + "-bit";
        }
        if (equals(RGB565)) {
            return "16-bit RGB565";
        }
        if (equals(RGB332)) {
            return "8-bit RGB332";
        }
        return bitsPerPixel + "-bit colour";
    }

    @Override
    public String toString() {
        if (!trueColour) {
            return bitsPerPixel + " bpp colour-mapped";
        }
        if (isGrey()) {
            return "grey " + depth + "-bit";
        }
        return bitsPerPixel + " bpp depth " + depth + (bigEndian ? " BE" : " LE")
                + " max " + redMax + "/" + greenMax + "/" + blueMax
                + " shift " + redShift + "/" + greenShift + "/" + blueShift;
    }
}
