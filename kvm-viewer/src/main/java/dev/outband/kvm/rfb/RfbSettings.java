package dev.outband.kvm.rfb;

/**
 * Every limit a peer could otherwise push past; checked before anything is allocated.
 *
 * @param maxWidth widest framebuffer accepted (ServerInit, DesktopSize)
 * @param maxHeight tallest framebuffer accepted
 * @param maxRectsPerUpdate rectangles in one FramebufferUpdate
 * @param maxCutTextBytes clipboard text in ServerCutText / ClientCutText
 * @param maxZlibChunkBytes compressed length of one ZRLE rectangle
 * @param maxRreSubrects subrectangles in one RRE rectangle
 * @param maxReasonBytes failure reason and desktop name strings
 * @param maxCursorSide width or height of a Cursor pseudo-rectangle
 */
public record RfbSettings(
        int maxWidth,
        int maxHeight,
        int maxRectsPerUpdate,
        int maxCutTextBytes,
        int maxZlibChunkBytes,
        int maxRreSubrects,
        int maxReasonBytes,
        int maxCursorSide) {

    public static RfbSettings defaults() {
        return new RfbSettings(8192, 8192, 65535, 1 << 20, 64 << 20, 1 << 20, 4096, 256);
    }

    public RfbSettings {
        if (maxWidth <= 0 || maxHeight <= 0 || maxRectsPerUpdate <= 0 || maxCutTextBytes < 0
                || maxZlibChunkBytes <= 0 || maxRreSubrects < 0 || maxReasonBytes < 0 || maxCursorSide <= 0) {
            throw new IllegalArgumentException("RFB limits must be positive");
        }
    }

    /** Throws when {@code value} (an unsigned wire value, held in a long) exceeds {@code limit}. */
    public static void check(String what, long value, long limit) throws RfbProtocolException {
        if (value < 0 || value > limit) {
            throw new RfbProtocolException(what + " " + value + " exceeds the limit of " + limit);
        }
    }
}
