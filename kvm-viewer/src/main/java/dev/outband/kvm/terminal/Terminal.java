package dev.outband.kvm.terminal;

import java.util.List;
import java.util.function.Consumer;

/**
 * A VT100/VT220/ANSI terminal: feed it the peer's bytes from one thread, draw {@link #snapshot} from another.
 * Replies the terminal owes the peer (cursor position and device attribute reports) go to {@code replies}.
 */
public final class Terminal {
    private TerminalSettings settings;
    private final ScreenBuffer screen;
    private final TerminalParser parser;
    private long version;

    public Terminal(TerminalSettings settings, Consumer<byte[]> replies) {
        this.settings = settings;
        this.screen = new ScreenBuffer(settings.columns(), settings.rows(), settings.scrollbackLines());
        this.parser = new TerminalParser(screen, settings, replies);
    }

    public Terminal(TerminalSettings settings) {
        this(settings, bytes -> { });
    }

    public synchronized void feed(byte[] data, int off, int len) {
        parser.feed(data, off, len);
        version++;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    /** Code page 437 (the default, for BIOS screens) or UTF-8. */
    public synchronized void encoding(TextEncoding encoding) {
        parser.encoding(encoding);
    }

    public synchronized TextEncoding encoding() {
        return parser.encoding();
    }

    public synchronized void resize(int columns, int rows) {
        settings = settings.withSize(columns, rows);
        screen.resize(columns, rows);
        version++;
    }

    public synchronized int columns() {
        return screen.columns();
    }

    public synchronized int rows() {
        return screen.rows();
    }

    public synchronized int scrollbackSize() {
        return screen.scrollbackSize();
    }

    /** Whether the cursor keys send application sequences ({@code ESC O A}), as the host asked with DECCKM. */
    public synchronized boolean applicationCursorKeys() {
        return screen.appCursorKeys;
    }

    /** Changes since start; a view redraws when it differs from the last snapshot's. */
    public synchronized long version() {
        return version;
    }

    /** The screen scrolled back by {@code back} lines (0: the live screen). */
    public synchronized TerminalSnapshot snapshot(int back) {
        int rows = screen.rows();
        int cols = screen.columns();
        int shift = Math.clamp(back, 0, screen.scrollbackSize());
        List<Line> history = screen.history(shift);
        int[][] chars = new int[rows][];
        int[][] attrs = new int[rows][];
        for (int y = 0; y < rows; y++) {
            Line l = y < shift ? history.get(y) : screen.line(y - shift);
            Line fitted = l.chars.length == cols ? l : l.resized(cols);
            chars[y] = fitted.chars.clone();
            attrs[y] = fitted.attrs.clone();
        }
        int cursorRow = screen.cursorVisible && screen.cursorY + shift < rows ? screen.cursorY + shift : -1;
        return new TerminalSnapshot(cols, rows, chars, attrs, cursorRow, screen.cursorX, parser.title(), version);
    }

    /** The live screen as text, one line per row with trailing spaces kept: for tests and copying. */
    public synchronized String text() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < screen.rows(); y++) {
            sb.append(screen.line(y).text()).append('\n');
        }
        return sb.toString();
    }

    public synchronized int cursorRow() {
        return screen.cursorY;
    }

    public synchronized int cursorColumn() {
        return screen.cursorX;
    }
}
