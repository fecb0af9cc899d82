package dev.outband.kvm.terminal;

/**
 * What the screen shows at one moment, for drawing: {@code rows} lines of code points and renditions (the
 * scrollback's lines first when scrolled back), the cursor, and the title.
 *
 * @param cursorRow the cursor's row in this snapshot, or -1 when it is scrolled out of view or hidden
 */
public record TerminalSnapshot(int columns, int rows, int[][] chars, int[][] attrs, int cursorRow, int cursorColumn,
        String title, long version) {

    public String line(int row) {
        StringBuilder sb = new StringBuilder(columns);
        for (int c : chars[row]) {
            sb.appendCodePoint(c);
        }
        return sb.toString();
    }
}
