package dev.outband.kvm.rfb;

import dev.outband.kvm.rfb.decode.CursorImage;
import java.util.List;

/** Session events, delivered on the session's own thread; UI code must hop to its own thread. */
public interface RfbListener {
    /**
     * One FramebufferUpdate has been decoded.
     *
     * @param painted union of the pixel rectangles, null when only pseudo-rectangles came
     * @param rects the pixel rectangles as they came (they may overlap or repeat)
     */
    default void updated(Rect painted, List<Rect> rects) {}

    default void resized(int width, int height) {}

    default void cursorChanged(CursorImage cursor) {}

    default void bell() {}

    default void serverCutText(String text) {}

    default void stateChanged(SessionState state, String reason) {}
}
