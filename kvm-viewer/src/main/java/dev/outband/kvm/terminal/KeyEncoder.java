package dev.outband.kvm.terminal;

import java.nio.charset.StandardCharsets;

/**
 * What a terminal sends for a key. {@link FunctionKeys#VT220}: the VT220's sequences as terminfo's vt220 entry
 * lists them (F1–F4 as PF1–PF4, F6–F12 as {@code ESC [ n ~}, Find/Select for Home/End), F5 as xterm sends it.
 * {@link FunctionKeys#VT100_PLUS}: the "VT100+" keys PC BIOS setups read over serial redirection (F1–F12 as
 * {@code ESC O P} … {@code ESC O [}).
 */
public final class KeyEncoder {
    public enum FunctionKeys { VT220, VT100_PLUS }

    private static final String ESC = "\u001b";

    private final FunctionKeys functionKeys;

    public KeyEncoder(FunctionKeys functionKeys) {
        this.functionKeys = functionKeys;
    }

    /** @param applicationCursor the host asked for application cursor keys (DECCKM) */
    public byte[] encode(Key key, boolean applicationCursor) {
        String cursor = applicationCursor ? ESC + "O" : ESC + "[";
        boolean vt220 = functionKeys == FunctionKeys.VT220;
        String s = switch (key) {
            case UP -> cursor + "A";
            case DOWN -> cursor + "B";
            case RIGHT -> cursor + "C";
            case LEFT -> cursor + "D";
            case HOME -> vt220 ? ESC + "[1~" : ESC + "[H";
            case END -> vt220 ? ESC + "[4~" : ESC + "[F";
            case INSERT -> ESC + "[2~";
            case DELETE -> ESC + "[3~";
            case PAGE_UP -> ESC + "[5~";
            case PAGE_DOWN -> ESC + "[6~";
            case F1, F2, F3, F4 -> ESC + "O" + (char) ('P' + key.ordinal() - Key.F1.ordinal());
            case F5, F6, F7, F8, F9, F10, F11, F12 -> vt220 ? ESC + "[" + vt220Number(key) + "~"
                    : ESC + "O" + (char) ('P' + key.ordinal() - Key.F1.ordinal());
            case ENTER -> "\r";
            case BACKSPACE -> "\b";
            case TAB -> "\t";
            case ESCAPE -> ESC;
        };
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Ctrl with a character: Ctrl+A–Z → 0x01–0x1A, Ctrl+[ \ ] ^ _ → 0x1B–0x1F, Ctrl+Space or @ → NUL. */
    public static byte[] control(char c) {
        char u = Character.toUpperCase(c);
        if (u >= '@' && u <= '_') {
            return new byte[] {(byte) (u - '@')};
        }
        if (c == ' ' || c == '2') {
            return new byte[] {0};
        }
        if (c == '?') {
            return new byte[] {0x7F};
        }
        return new byte[0];
    }

    /** Typed text as UTF-8. */
    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int vt220Number(Key key) {
        return switch (key) {
            case F5 -> 15;
            case F6 -> 17;
            case F7 -> 18;
            case F8 -> 19;
            case F9 -> 20;
            case F10 -> 21;
            case F11 -> 23;
            default -> 24;
        };
    }
}
