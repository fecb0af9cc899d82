package dev.outband.kvm.terminal;

/**
 * A cell's rendition packed in an int: foreground and background colour (0–15 ANSI, or {@link #DEFAULT}) and the
 * bold, faint, underline, blink and inverse flags.
 */
public final class Attr {
    public static final int DEFAULT = 16;
    public static final int BOLD = 1 << 10;
    public static final int FAINT = 1 << 11;
    public static final int UNDERLINE = 1 << 12;
    public static final int BLINK = 1 << 13;
    public static final int INVERSE = 1 << 14;
    /** Default colours, no flags. */
    public static final int PLAIN = DEFAULT | DEFAULT << 5;

    private Attr() {}

    public static int foreground(int attr) {
        return attr & 0x1F;
    }

    public static int background(int attr) {
        return attr >>> 5 & 0x1F;
    }

    static int withForeground(int attr, int colour) {
        return attr & ~0x1F | colour;
    }

    static int withBackground(int attr, int colour) {
        return attr & ~(0x1F << 5) | colour << 5;
    }

    public static boolean has(int attr, int flag) {
        return (attr & flag) != 0;
    }
}
