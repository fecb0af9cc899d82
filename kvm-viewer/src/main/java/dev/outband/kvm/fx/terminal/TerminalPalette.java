package dev.outband.kvm.fx.terminal;

import dev.outband.kvm.terminal.Attr;
import javafx.scene.paint.Color;

/** The 16 colours of a PC's text mode (CGA/VGA), which BIOS setups are drawn for; grey on black by default. */
final class TerminalPalette {
    private static final Color[] COLOURS = {
        Color.rgb(0, 0, 0), Color.rgb(170, 0, 0), Color.rgb(0, 170, 0), Color.rgb(170, 85, 0),
        Color.rgb(0, 0, 170), Color.rgb(170, 0, 170), Color.rgb(0, 170, 170), Color.rgb(170, 170, 170),
        Color.rgb(85, 85, 85), Color.rgb(255, 85, 85), Color.rgb(85, 255, 85), Color.rgb(255, 255, 85),
        Color.rgb(85, 85, 255), Color.rgb(255, 85, 255), Color.rgb(85, 255, 255), Color.rgb(255, 255, 255)};
    private static final int DEFAULT_FOREGROUND = 7;
    private static final int DEFAULT_BACKGROUND = 0;

    private TerminalPalette() {}

    /** Foreground: bold brightens the first eight colours, as on a VGA text screen; inverse swaps. */
    static Color foreground(int attr) {
        boolean inverse = Attr.has(attr, Attr.INVERSE);
        int c = inverse ? backgroundIndex(Attr.background(attr)) : foregroundIndex(attr);
        Color colour = COLOURS[c];
        return Attr.has(attr, Attr.FAINT) ? colour.darker() : colour;
    }

    static Color background(int attr) {
        boolean inverse = Attr.has(attr, Attr.INVERSE);
        return COLOURS[inverse ? foregroundIndex(attr) : backgroundIndex(Attr.background(attr))];
    }

    private static int foregroundIndex(int attr) {
        int f = Attr.foreground(attr);
        int c = f == Attr.DEFAULT ? DEFAULT_FOREGROUND : f;
        return Attr.has(attr, Attr.BOLD) && c < 8 ? c + 8 : c;
    }

    private static int backgroundIndex(int index) {
        return index == Attr.DEFAULT ? DEFAULT_BACKGROUND : index;
    }
}
