package dev.outband.kvm.rfb;

import java.util.List;

/** Messages a viewer sends to an RFB server. */
public sealed interface ClientMessage {
    int SET_PIXEL_FORMAT = 0;
    int SET_ENCODINGS = 2;
    int FRAMEBUFFER_UPDATE_REQUEST = 3;
    int KEY_EVENT = 4;
    int POINTER_EVENT = 5;
    int CLIENT_CUT_TEXT = 6;

    record SetPixelFormat(PixelFormat format) implements ClientMessage {}

    record SetEncodings(List<Integer> encodings) implements ClientMessage {
        public SetEncodings {
            encodings = List.copyOf(encodings);
        }
    }

    record FramebufferUpdateRequest(boolean incremental, int x, int y, int width, int height) implements ClientMessage {}

    /** @param keysym X11 keysym, unsigned 32-bit */
    record KeyEvent(boolean down, long keysym) implements ClientMessage {}

    /** @param buttons bit 0 left, 1 middle, 2 right, 3 wheel up, 4 wheel down */
    record PointerEvent(int buttons, int x, int y) implements ClientMessage {}

    /** @param text Latin-1 bytes (Intel's KvmExtCmd also rides here) */
    record ClientCutText(byte[] text) implements ClientMessage {}
}
