package dev.outband.kvm.fx;

import java.util.EnumMap;
import java.util.Map;
import javafx.scene.input.KeyCode;

/**
 * X11 keysyms for keys that produce no text (function keys, modifiers, navigation, keypad). Keys
 * that produce text are sent as the keysym of the character typed, so non-US layouts work.
 */
public final class KeySyms {
    private static final Map<KeyCode, Long> SPECIAL = new EnumMap<>(KeyCode.class);

    static {
        put(KeyCode.BACK_SPACE, 0xFF08);
        put(KeyCode.TAB, 0xFF09);
        put(KeyCode.ENTER, 0xFF0D);
        put(KeyCode.ESCAPE, 0xFF1B);
        put(KeyCode.PAUSE, 0xFF13);
        put(KeyCode.SCROLL_LOCK, 0xFF14);
        put(KeyCode.HOME, 0xFF50);
        put(KeyCode.LEFT, 0xFF51);
        put(KeyCode.UP, 0xFF52);
        put(KeyCode.RIGHT, 0xFF53);
        put(KeyCode.DOWN, 0xFF54);
        put(KeyCode.PAGE_UP, 0xFF55);
        put(KeyCode.PAGE_DOWN, 0xFF56);
        put(KeyCode.END, 0xFF57);
        put(KeyCode.PRINTSCREEN, 0xFF61);
        put(KeyCode.INSERT, 0xFF63);
        put(KeyCode.CONTEXT_MENU, 0xFF67);
        put(KeyCode.NUM_LOCK, 0xFF7F);
        put(KeyCode.DELETE, 0xFFFF);
        put(KeyCode.SHIFT, 0xFFE1);
        put(KeyCode.CONTROL, 0xFFE3);
        put(KeyCode.CAPS, 0xFFE5);
        put(KeyCode.META, 0xFFE7);
        put(KeyCode.ALT, 0xFFE9);
        put(KeyCode.WINDOWS, 0xFFEB);
        put(KeyCode.COMMAND, 0xFFEB);
        put(KeyCode.ALT_GRAPH, 0xFE03);
        put(KeyCode.MULTIPLY, 0xFFAA);
        put(KeyCode.ADD, 0xFFAB);
        put(KeyCode.SEPARATOR, 0xFFAC);
        put(KeyCode.SUBTRACT, 0xFFAD);
        put(KeyCode.DECIMAL, 0xFFAE);
        put(KeyCode.DIVIDE, 0xFFAF);
        KeyCode[] pad = {KeyCode.NUMPAD0, KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3, KeyCode.NUMPAD4,
            KeyCode.NUMPAD5, KeyCode.NUMPAD6, KeyCode.NUMPAD7, KeyCode.NUMPAD8, KeyCode.NUMPAD9};
        for (int i = 0; i < pad.length; i++) {
            put(pad[i], 0xFFB0 + i);
        }
        KeyCode[] f = {KeyCode.F1, KeyCode.F2, KeyCode.F3, KeyCode.F4, KeyCode.F5, KeyCode.F6, KeyCode.F7,
            KeyCode.F8, KeyCode.F9, KeyCode.F10, KeyCode.F11, KeyCode.F12};
        for (int i = 0; i < f.length; i++) {
            put(f[i], 0xFFBE + i);
        }
    }

    private KeySyms() {}

    private static void put(KeyCode code, int keysym) {
        SPECIAL.put(code, (long) keysym);
    }

    /** The keysym of a non-text key, or -1 when the key produces text (wait for KEY_TYPED). */
    public static long special(KeyCode code) {
        return SPECIAL.getOrDefault(code, -1L);
    }

    /**
     * With Ctrl or Alt held there is no useful typed character: send the key's own letter or digit
     * (Ctrl+C as Control + 'c'). Returns -1 when the key is neither.
     */
    public static long shortcutKey(KeyCode code) {
        if (code.isLetterKey()) {
            return Character.toLowerCase(code.getChar().charAt(0));
        }
        if (code.isDigitKey() && !code.isKeypadKey()) {
            return code.getChar().charAt(0);
        }
        return -1;
    }
}
