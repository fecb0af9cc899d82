package dev.outband.kvm.terminal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells of a VT100/VT220-style screen with its cursor, scroll region, modes and scrollback. Follows the
 * VT100 User Guide and xterm's ctlseqs: a character in the last column sets a pending wrap that the next printed
 * character carries out; cursor-up/down stop at the scroll margins; lines scrolled off a full-screen region go
 * to the scrollback. Not thread-safe: {@link Terminal} holds the lock.
 */
final class ScreenBuffer {
    /** DEC special graphics for 0x5F–0x7E (VT100 User Guide, table 3-9; xterm ctlseqs). */
    private static final String DEC_GRAPHICS = "\u00a0◆▒␉␌␍␊°±␤␋┘┐┌└┼⎺⎻─⎼⎽├┤┴┬│≤≥π≠£·";

    private record Saved(int x, int y, int attr, boolean originMode, boolean g0Graphics, boolean g1Graphics,
            boolean shiftOut) {}

    private final int scrollbackLimit;
    private final ArrayDeque<Line> scrollback = new ArrayDeque<>();
    private int cols;
    private int rows;
    private Line[] lines;
    private Line[] mainLines;
    private boolean[] tabStops;
    int cursorX;
    int cursorY;
    private boolean wrapPending;
    int attr = Attr.PLAIN;
    private int top;
    private int bottom;
    private boolean originMode;
    boolean autoWrap = true;
    boolean insertMode;
    boolean cursorVisible = true;
    boolean appCursorKeys;
    boolean appKeypad;
    boolean g0Graphics;
    boolean g1Graphics;
    boolean shiftOut;
    private Saved saved;
    private Saved savedMain;

    ScreenBuffer(int cols, int rows, int scrollbackLimit) {
        this.scrollbackLimit = scrollbackLimit;
        this.cols = cols;
        this.rows = rows;
        this.lines = blank(rows);
        this.bottom = rows - 1;
        this.tabStops = defaultTabs(cols);
    }

    int columns() {
        return cols;
    }

    int rows() {
        return rows;
    }

    // --- printing and line movement

    void print(int codePoint) {
        if (wrapPending && autoWrap) {
            cursorX = 0;
            lineFeed();
        }
        wrapPending = false;
        boolean graphics = shiftOut ? g1Graphics : g0Graphics;
        int c = graphics && codePoint >= 0x5F && codePoint <= 0x7E ? DEC_GRAPHICS.charAt(codePoint - 0x5F) : codePoint;
        Line line = lines[cursorY];
        if (insertMode) {
            System.arraycopy(line.chars, cursorX, line.chars, cursorX + 1, cols - cursorX - 1);
            System.arraycopy(line.attrs, cursorX, line.attrs, cursorX + 1, cols - cursorX - 1);
        }
        line.chars[cursorX] = c;
        line.attrs[cursorX] = attr;
        if (cursorX == cols - 1) {
            wrapPending = autoWrap;
        } else {
            cursorX++;
        }
    }

    void lineFeed() {
        wrapPending = false;
        if (cursorY == bottom) {
            scrollUp(1);
        } else if (cursorY < rows - 1) {
            cursorY++;
        }
    }

    void reverseIndex() {
        wrapPending = false;
        if (cursorY == top) {
            scrollDown(1);
        } else if (cursorY > 0) {
            cursorY--;
        }
    }

    void carriageReturn() {
        wrapPending = false;
        cursorX = 0;
    }

    void backspace() {
        wrapPending = false;
        if (cursorX > 0) {
            cursorX--;
        }
    }

    void tab(int count) {
        wrapPending = false;
        for (int i = 0; i < count && cursorX < cols - 1; i++) {
            do {
                cursorX++;
            } while (cursorX < cols - 1 && !tabStops[cursorX]);
        }
    }

    void backTab(int count) {
        wrapPending = false;
        for (int i = 0; i < count && cursorX > 0; i++) {
            do {
                cursorX--;
            } while (cursorX > 0 && !tabStops[cursorX]);
        }
    }

    void setTabStop() {
        tabStops[cursorX] = true;
    }

    void clearTabStops(int mode) {
        if (mode == 0) {
            tabStops[cursorX] = false;
        } else if (mode == 3) {
            Arrays.fill(tabStops, false);
        }
    }

    // --- scrolling

    /** Scrolls the region up; lines leaving a full-screen top go to the scrollback. */
    void scrollUp(int n) {
        scrollRegionUp(n, top == 0 && mainLines == null);
    }

    private void scrollRegionUp(int n, boolean toHistory) {
        n = Math.min(n, bottom - top + 1);
        for (int i = 0; i < n; i++) {
            Line gone = lines[top];
            if (toHistory && scrollbackLimit > 0) {
                scrollback.addLast(gone);
                if (scrollback.size() > scrollbackLimit) {
                    scrollback.removeFirst();
                }
            }
            System.arraycopy(lines, top + 1, lines, top, bottom - top);
            lines[bottom] = new Line(cols, attr);
        }
    }

    void scrollDown(int n) {
        n = Math.min(n, bottom - top + 1);
        for (int i = 0; i < n; i++) {
            System.arraycopy(lines, top, lines, top + 1, bottom - top);
            lines[top] = new Line(cols, attr);
        }
    }

    void setScrollRegion(int first, int last) {
        int t = Math.max(0, first);
        int b = last < 0 ? rows - 1 : Math.min(rows - 1, last);
        if (t < b) {
            top = t;
            bottom = b;
            moveTo(0, 0);
        }
    }

    // --- cursor

    void moveTo(int row, int col) {
        wrapPending = false;
        int minRow = originMode ? top : 0;
        int maxRow = originMode ? bottom : rows - 1;
        cursorY = Math.clamp((long) row + minRow, minRow, maxRow);
        cursorX = Math.clamp(col, 0, cols - 1);
    }

    void moveColumn(int col) {
        wrapPending = false;
        cursorX = Math.clamp(col, 0, cols - 1);
    }

    void moveRow(int row) {
        moveTo(row, cursorX);
    }

    /** Up or down by {@code delta}, stopping at the scroll margin when the cursor is inside the region. */
    void moveVertically(int delta) {
        wrapPending = false;
        int min = cursorY >= top ? top : 0;
        int max = cursorY <= bottom ? bottom : rows - 1;
        cursorY = Math.clamp((long) cursorY + delta, min, max);
    }

    void moveHorizontally(int delta) {
        wrapPending = false;
        cursorX = Math.clamp((long) cursorX + delta, 0, cols - 1);
    }

    int cursorRowForReport() {
        return originMode ? cursorY - top : cursorY;
    }

    void setOriginMode(boolean on) {
        originMode = on;
        moveTo(0, 0);
    }

    void saveCursor() {
        saved = new Saved(cursorX, cursorY, attr, originMode, g0Graphics, g1Graphics, shiftOut);
    }

    void restoreCursor() {
        Saved s = saved != null ? saved : new Saved(0, 0, Attr.PLAIN, false, false, false, false);
        cursorX = Math.min(s.x(), cols - 1);
        cursorY = Math.min(s.y(), rows - 1);
        attr = s.attr();
        originMode = s.originMode();
        g0Graphics = s.g0Graphics();
        g1Graphics = s.g1Graphics();
        shiftOut = s.shiftOut();
        wrapPending = false;
    }

    // --- erasing and editing

    void eraseDisplay(int mode) {
        switch (mode) {
            case 0 -> {
                eraseLine(0);
                for (int y = cursorY + 1; y < rows; y++) {
                    lines[y].clear(0, cols, attr);
                }
            }
            case 1 -> {
                eraseLine(1);
                for (int y = 0; y < cursorY; y++) {
                    lines[y].clear(0, cols, attr);
                }
            }
            case 2 -> {
                for (Line l : lines) {
                    l.clear(0, cols, attr);
                }
            }
            case 3 -> scrollback.clear();
            default -> { }
        }
    }

    void eraseLine(int mode) {
        Line l = lines[cursorY];
        switch (mode) {
            case 0 -> l.clear(cursorX, cols, attr);
            case 1 -> l.clear(0, cursorX + 1, attr);
            case 2 -> l.clear(0, cols, attr);
            default -> { }
        }
    }

    void eraseChars(int n) {
        lines[cursorY].clear(cursorX, Math.min(cols, cursorX + Math.max(1, n)), attr);
    }

    void insertChars(int n) {
        Line l = lines[cursorY];
        n = Math.clamp(n, 1, cols - cursorX);
        System.arraycopy(l.chars, cursorX, l.chars, cursorX + n, cols - cursorX - n);
        System.arraycopy(l.attrs, cursorX, l.attrs, cursorX + n, cols - cursorX - n);
        l.clear(cursorX, cursorX + n, attr);
    }

    void deleteChars(int n) {
        Line l = lines[cursorY];
        n = Math.clamp(n, 1, cols - cursorX);
        System.arraycopy(l.chars, cursorX + n, l.chars, cursorX, cols - cursorX - n);
        System.arraycopy(l.attrs, cursorX + n, l.attrs, cursorX, cols - cursorX - n);
        l.clear(cols - n, cols, attr);
    }

    void insertLines(int n) {
        if (cursorY < top || cursorY > bottom) {
            return;
        }
        int savedTop = top;
        top = cursorY;
        scrollDown(Math.max(1, n));
        top = savedTop;
        cursorX = 0;
    }

    void deleteLines(int n) {
        if (cursorY < top || cursorY > bottom) {
            return;
        }
        int savedTop = top;
        top = cursorY;
        // Lines deleted inside the screen are not history.
        scrollRegionUp(Math.max(1, n), false);
        top = savedTop;
        cursorX = 0;
    }

    /** DECALN: the screen filled with E, the VT100's alignment pattern. */
    void alignmentPattern() {
        for (Line l : lines) {
            l.clear(0, cols, Attr.PLAIN);
            Arrays.fill(l.chars, 'E');
        }
        top = 0;
        bottom = rows - 1;
        moveTo(0, 0);
    }

    // --- alternate screen, reset, resize

    void alternateScreen(boolean on) {
        if (on && mainLines == null) {
            savedMain = new Saved(cursorX, cursorY, attr, originMode, g0Graphics, g1Graphics, shiftOut);
            mainLines = lines;
            lines = blank(rows);
        } else if (!on && mainLines != null) {
            lines = mainLines;
            mainLines = null;
            Saved keep = saved;
            saved = savedMain;
            restoreCursor();
            saved = keep;
        }
    }

    void reset() {
        boolean alt = mainLines != null;
        if (alt) {
            alternateScreen(false);
        }
        lines = blank(rows);
        attr = Attr.PLAIN;
        cursorX = 0;
        cursorY = 0;
        wrapPending = false;
        top = 0;
        bottom = rows - 1;
        originMode = false;
        autoWrap = true;
        insertMode = false;
        cursorVisible = true;
        appCursorKeys = false;
        appKeypad = false;
        g0Graphics = false;
        g1Graphics = false;
        shiftOut = false;
        saved = null;
        tabStops = defaultTabs(cols);
    }

    /** Keeps the top-left content; rows that no longer fit at the bottom go to the scrollback. */
    void resize(int newCols, int newRows) {
        if (mainLines != null) {
            mainLines = fit(mainLines, newCols, newRows);
        }
        top = 0;
        bottom = rows - 1;
        int overflow = Math.max(0, cursorY - (newRows - 1));
        for (int i = 0; i < overflow; i++) {
            scrollUp(1);
        }
        lines = fit(lines, newCols, newRows);
        cols = newCols;
        rows = newRows;
        top = 0;
        bottom = rows - 1;
        cursorY = Math.min(cursorY - overflow, rows - 1);
        cursorX = Math.min(cursorX, cols - 1);
        wrapPending = false;
        tabStops = defaultTabs(cols);
    }

    private static Line[] fit(Line[] from, int newCols, int newRows) {
        Line[] to = new Line[newRows];
        for (int y = 0; y < newRows; y++) {
            to[y] = y < from.length ? from[y].resized(newCols) : new Line(newCols, Attr.PLAIN);
        }
        return to;
    }

    // --- reading

    Line line(int y) {
        return lines[y];
    }

    int scrollbackSize() {
        return scrollback.size();
    }

    /** The last {@code count} scrollback lines, oldest first. */
    List<Line> history(int count) {
        List<Line> all = new ArrayList<>(scrollback);
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

    private Line[] blank(int n) {
        Line[] ls = new Line[n];
        for (int i = 0; i < n; i++) {
            ls[i] = new Line(cols, Attr.PLAIN);
        }
        return ls;
    }

    private static boolean[] defaultTabs(int cols) {
        boolean[] t = new boolean[cols];
        for (int i = 8; i < cols; i += 8) {
            t[i] = true;
        }
        return t;
    }
}
