package dev.outband.kvm.session;

import dev.outband.kvm.rfb.RfbSession;
import java.io.IOException;

/** Key sequences the toolbar and the CLI send: special combinations and text typed as keystrokes. */
public final class Keystrokes {
    public static final long SHIFT = 0xFFE1;
    public static final long CONTROL = 0xFFE3;
    public static final long ALT = 0xFFE9;
    public static final long SUPER = 0xFFEB;
    public static final long DELETE = 0xFFFF;
    public static final long TAB = 0xFF09;
    public static final long ESCAPE = 0xFF1B;
    public static final long RETURN = 0xFF0D;
    public static final long F4 = 0xFFC1;
    public static final long PRINT = 0xFF61;

    private Keystrokes() {}

    /** Presses the keys in order, then releases them in reverse order. */
    public static void chord(RfbSession session, long... keysyms) throws IOException {
        for (long k : keysyms) {
            session.sendKey(true, k);
        }
        for (int i = keysyms.length - 1; i >= 0; i--) {
            session.sendKey(false, keysyms[i]);
        }
    }

    public static void ctrlAltDel(RfbSession session) throws IOException {
        chord(session, CONTROL, ALT, DELETE);
    }

    /** Types text key by key: each character as its own keysym; newlines as Return. */
    public static void type(RfbSession session, String text) throws IOException {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\r') {
                continue;
            }
            chord(session, cp == '\n' ? RETURN : cp == '\t' ? TAB : keysymOf(cp));
        }
    }

    /** X11 keysym of a character: Latin-1 maps to itself, other Unicode to 0x01000000 + code point. */
    public static long keysymOf(int codePoint) {
        if (codePoint >= 0x20 && codePoint <= 0x7E || codePoint >= 0xA0 && codePoint <= 0xFF) {
            return codePoint;
        }
        return 0x01000000L | codePoint;
    }
}
