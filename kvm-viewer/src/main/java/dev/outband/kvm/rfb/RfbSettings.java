package dev.outband.kvm.rfb;

import java.time.Duration;

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
 * @param maxOverdraw pixels one FramebufferUpdate may paint, as a multiple of the framebuffer's area: RRE and
 *        Hextile subrectangles, or rectangles over one another, cost the server a few bytes each and us a fill
 * @param handshakeTimeout the whole handshake (redirection and RFB, up to ServerInit): a peer that accepts and
 *        then stays silent or trickles is dropped after it
 * @param formatSwitchIdle how long a session waits for an update to end before it switches pixel format
 *        between updates anyway: a server with an unchanging screen sends none, and then has none on its way
 */
public record RfbSettings(
        int maxWidth,
        int maxHeight,
        int maxRectsPerUpdate,
        int maxCutTextBytes,
        int maxZlibChunkBytes,
        int maxRreSubrects,
        int maxReasonBytes,
        int maxCursorSide,
        int maxOverdraw,
        Duration handshakeTimeout,
        Duration formatSwitchIdle) {

    public static RfbSettings defaults() {
        return new RfbSettings(8192, 8192, 65535, 1 << 20, 64 << 20, 1 << 20, 4096, 256, 8,
                Duration.ofSeconds(20), Duration.ofMillis(300));
    }

    public RfbSettings {
        if (maxWidth <= 0 || maxHeight <= 0 || maxRectsPerUpdate <= 0 || maxCutTextBytes < 0
                || maxZlibChunkBytes <= 0 || maxRreSubrects < 0 || maxReasonBytes < 0 || maxCursorSide <= 0
                || maxOverdraw <= 0 || !handshakeTimeout.isPositive() || !formatSwitchIdle.isPositive()) {
            throw new IllegalArgumentException("RFB limits must be positive");
        }
    }

    public RfbSettings withHandshakeTimeout(Duration timeout) {
        return new RfbSettings(maxWidth, maxHeight, maxRectsPerUpdate, maxCutTextBytes, maxZlibChunkBytes,
                maxRreSubrects, maxReasonBytes, maxCursorSide, maxOverdraw, timeout, formatSwitchIdle);
    }

    /** Throws when {@code value} (an unsigned wire value, held in a long) exceeds {@code limit}. */
    public static void check(String what, long value, long limit) throws RfbProtocolException {
        if (value < 0 || value > limit) {
            throw new RfbProtocolException(what + " " + value + " exceeds the limit of " + limit);
        }
    }
}
