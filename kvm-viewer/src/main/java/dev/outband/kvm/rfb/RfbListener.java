package dev.outband.kvm.rfb;

import dev.outband.kvm.rfb.decode.CursorImage;

/** Session events, delivered on the session's own thread; UI code must hop to its own thread. */
public interface RfbListener {
    /**
     * One FramebufferUpdate has been decoded.
     *
     * @param painted union of the pixel rectangles, null when only pseudo-rectangles came
     * @param paintedArea sum of the pixel rectangles' areas
     */
    default void updated(Rect painted, long paintedArea) {}

    default void resized(int width, int height) {}

    default void cursorChanged(CursorImage cursor) {}

    default void bell() {}

    default void serverCutText(String text) {}

    default void stateChanged(SessionState state, String reason) {}
}
