package dev.outband.kvm.terminal;

/**
 * The terminal's size and the limits on what a peer's byte stream can make it hold.
 *
 * @param columns          screen width (80 for BIOS consoles)
 * @param rows             screen height (25 for AMT's SOL, 24 for a VT220)
 * @param scrollbackLines  lines kept above the screen
 * @param maxParameters    numeric parameters of one control sequence; more are ignored
 * @param maxParameter     the largest value of one parameter; larger ones are clamped
 * @param maxStringLength  characters of an OSC/DCS string (a window title); the rest is dropped
 */
public record TerminalSettings(int columns, int rows, int scrollbackLines, int maxParameters, int maxParameter,
        int maxStringLength) {
    public static final int MIN_SIZE = 2;
    public static final int MAX_SIZE = 1000;

    public TerminalSettings {
        if (columns < MIN_SIZE || rows < MIN_SIZE || columns > MAX_SIZE || rows > MAX_SIZE) {
            throw new IllegalArgumentException("a terminal is " + MIN_SIZE + " to " + MAX_SIZE + " cells each way, not "
                    + columns + "×" + rows);
        }
        if (scrollbackLines < 0 || maxParameters < 1 || maxParameter < 1 || maxStringLength < 0) {
            throw new IllegalArgumentException("terminal limits must be positive");
        }
    }

    /** AMT's SOL screen: 80×25, 5,000 lines of scrollback. */
    public static TerminalSettings defaults() {
        return new TerminalSettings(80, 25, 5_000, 16, 9_999, 512);
    }

    public TerminalSettings withSize(int newColumns, int newRows) {
        return new TerminalSettings(newColumns, newRows, scrollbackLines, maxParameters, maxParameter, maxStringLength);
    }
}
