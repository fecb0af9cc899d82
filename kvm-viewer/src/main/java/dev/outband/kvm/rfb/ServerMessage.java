package dev.outband.kvm.rfb;

/** Messages an RFB server sends; FramebufferUpdate carries only its header, rects follow on the stream. */
public sealed interface ServerMessage {
    int FRAMEBUFFER_UPDATE = 0;
    int SET_COLOUR_MAP_ENTRIES = 1;
    int BELL = 2;
    int SERVER_CUT_TEXT = 3;

    /** @param rectCount 65535 may mean "until LastRect" */
    record FramebufferUpdate(int rectCount) implements ServerMessage {}

    /** @param colours 16-bit red, green, blue triples, flattened */
    record SetColourMapEntries(int firstColour, int[] colours) implements ServerMessage {
        public int count() {
            return colours.length / 3;
        }
    }

    record Bell() implements ServerMessage {}

    record ServerCutText(byte[] text) implements ServerMessage {}
}
