package dev.outband.kvm.fx.terminal;

import dev.outband.kvm.terminal.Attr;
import dev.outband.kvm.terminal.Key;
import dev.outband.kvm.terminal.KeyEncoder;
import dev.outband.kvm.terminal.Terminal;
import dev.outband.kvm.terminal.TerminalSnapshot;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/**
 * Draws a {@link Terminal} on a canvas and turns keys into the bytes a VT220 sends. Redraws once per pulse when
 * the terminal changed. Ctrl+Shift+C copies the selection (drag with the mouse), Ctrl+Shift+V pastes; the wheel
 * and Shift+PgUp/PgDn scroll back; everything else goes to the device, Ctrl combinations included.
 */
public final class TerminalView extends Region {
    private static final Map<KeyCode, Key> KEYS = Map.ofEntries(
            Map.entry(KeyCode.UP, Key.UP), Map.entry(KeyCode.DOWN, Key.DOWN), Map.entry(KeyCode.LEFT, Key.LEFT),
            Map.entry(KeyCode.RIGHT, Key.RIGHT), Map.entry(KeyCode.HOME, Key.HOME), Map.entry(KeyCode.END, Key.END),
            Map.entry(KeyCode.INSERT, Key.INSERT), Map.entry(KeyCode.DELETE, Key.DELETE),
            Map.entry(KeyCode.PAGE_UP, Key.PAGE_UP), Map.entry(KeyCode.PAGE_DOWN, Key.PAGE_DOWN),
            Map.entry(KeyCode.F1, Key.F1), Map.entry(KeyCode.F2, Key.F2), Map.entry(KeyCode.F3, Key.F3),
            Map.entry(KeyCode.F4, Key.F4), Map.entry(KeyCode.F5, Key.F5), Map.entry(KeyCode.F6, Key.F6),
            Map.entry(KeyCode.F7, Key.F7), Map.entry(KeyCode.F8, Key.F8), Map.entry(KeyCode.F9, Key.F9),
            Map.entry(KeyCode.F10, Key.F10), Map.entry(KeyCode.F11, Key.F11), Map.entry(KeyCode.F12, Key.F12),
            Map.entry(KeyCode.ENTER, Key.ENTER), Map.entry(KeyCode.BACK_SPACE, Key.BACKSPACE),
            Map.entry(KeyCode.TAB, Key.TAB), Map.entry(KeyCode.ESCAPE, Key.ESCAPE));
    private static final Map<KeyCode, Character> CONTROL_PUNCTUATION = Map.of(KeyCode.OPEN_BRACKET, '[',
            KeyCode.BACK_SLASH, '\\', KeyCode.CLOSE_BRACKET, ']', KeyCode.SPACE, ' ', KeyCode.DIGIT2, '2',
            KeyCode.DIGIT6, '^', KeyCode.MINUS, '_');

    private final Terminal terminal;
    private final Consumer<byte[]> sink;
    private final Canvas canvas = new Canvas();
    private final Font font = Font.font("Monospaced", 15);
    private final double cellWidth;
    private final double cellHeight;
    private final AnimationTimer pulse;
    private KeyEncoder keys = new KeyEncoder(KeyEncoder.FunctionKeys.VT220);
    private int back;
    private long drawn = -1;
    private boolean redraw;
    private int[] selectionStart;
    private int[] selectionEnd;
    private TerminalSnapshot shown;

    /** @param sink where keystrokes go; called on the FX thread, so it must not block */
    public TerminalView(Terminal terminal, Consumer<byte[]> sink) {
        this.terminal = terminal;
        this.sink = sink;
        Text probe = new Text("M");
        probe.setFont(font);
        cellWidth = probe.getLayoutBounds().getWidth();
        cellHeight = Math.ceil(probe.getLayoutBounds().getHeight());
        getChildren().add(canvas);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setFocusTraversable(true);
        getStyleClass().add("terminal-view");
        addEventHandler(KeyEvent.KEY_PRESSED, this::pressed);
        addEventHandler(KeyEvent.KEY_TYPED, this::typed);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            selectionStart = cell(e);
            selectionEnd = null;
            redraw = true;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            selectionEnd = cell(e);
            redraw = true;
        });
        addEventHandler(ScrollEvent.SCROLL, e -> scrollBack(e.getDeltaY() > 0 ? 3 : -3));
        pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (redraw || terminal.version() != drawn) {
                    draw();
                }
            }
        };
        pulse.start();
        draw();
    }

    public void setFunctionKeys(KeyEncoder.FunctionKeys mode) {
        keys = new KeyEncoder(mode);
    }

    /** Lines above the live screen now shown (0: live). */
    public int scrolledBack() {
        return back;
    }

    public void scrollBack(int lines) {
        back = Math.clamp((long) back + lines, 0, terminal.scrollbackSize());
        redraw = true;
    }

    /** Copies the selection, or the whole screen when nothing is selected. */
    public void copy() {
        String text = selectedText();
        ClipboardContent content = new ClipboardContent();
        content.putString(text.isEmpty() ? screenText() : text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Types the clipboard's text (line breaks as Enter). */
    public void paste() {
        String text = Clipboard.getSystemClipboard().getString();
        if (text != null && !text.isEmpty()) {
            send(KeyEncoder.text(text.replace("\r\n", "\r").replace('\n', '\r')));
        }
    }

    public String screenText() {
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < shown.rows(); y++) {
            sb.append(shown.line(y).stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    String selectedText() {
        if (selectionStart == null || selectionEnd == null) {
            return "";
        }
        int[] a = before(selectionStart, selectionEnd) ? selectionStart : selectionEnd;
        int[] b = a == selectionStart ? selectionEnd : selectionStart;
        StringBuilder sb = new StringBuilder();
        for (int y = a[0]; y <= b[0]; y++) {
            String line = shown.line(y);
            int from = y == a[0] ? a[1] : 0;
            int to = y == b[0] ? b[1] + 1 : line.length();
            sb.append(line, from, Math.min(to, line.length()));
            if (y < b[0]) {
                sb.setLength(sb.toString().stripTrailing().length());
                sb.append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    public void dispose() {
        pulse.stop();
    }

    @Override
    protected double computePrefWidth(double height) {
        return canvas.getWidth();
    }

    @Override
    protected double computePrefHeight(double width) {
        return canvas.getHeight();
    }

    private void pressed(KeyEvent e) {
        if (e.isShortcutDown() && e.isShiftDown() && (e.getCode() == KeyCode.C || e.getCode() == KeyCode.V)) {
            if (e.getCode() == KeyCode.C) {
                copy();
            } else {
                paste();
            }
            e.consume();
            return;
        }
        if (e.isShiftDown() && (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.PAGE_DOWN)) {
            scrollBack((e.getCode() == KeyCode.PAGE_UP ? 1 : -1) * (terminal.rows() - 1));
            e.consume();
            return;
        }
        Key key = KEYS.get(e.getCode());
        if (key != null) {
            send(keys.encode(key, terminal.applicationCursorKeys()));
            e.consume();
        } else if (e.isControlDown() && !e.isAltDown()) {
            Character c = e.getCode().isLetterKey() ? Character.valueOf(e.getCode().getChar().charAt(0))
                    : CONTROL_PUNCTUATION.get(e.getCode());
            if (c != null) {
                send(KeyEncoder.control(c));
                e.consume();
            }
        }
    }

    private void typed(KeyEvent e) {
        String s = e.getCharacter();
        // Control characters came as key presses already; Ctrl and Alt combinations too (AltGr is both).
        boolean combination = e.isControlDown() != e.isAltDown();
        if (s.isEmpty() || s.charAt(0) < 0x20 || s.charAt(0) == 0x7F || combination) {
            return;
        }
        send(KeyEncoder.text(s));
        e.consume();
    }

    private void send(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (back != 0) {
            back = 0;
            redraw = true;
        }
        selectionStart = null;
        selectionEnd = null;
        sink.accept(bytes);
    }

    private int[] cell(MouseEvent e) {
        int cols = shown == null ? 1 : shown.columns();
        int rows = shown == null ? 1 : shown.rows();
        return new int[] {(int) Math.clamp(e.getY() / cellHeight, 0, rows - 1),
            (int) Math.clamp(e.getX() / cellWidth, 0, cols - 1)};
    }

    private static boolean before(int[] a, int[] b) {
        return a[0] < b[0] || a[0] == b[0] && a[1] <= b[1];
    }

    private boolean selected(int row, int col) {
        if (selectionStart == null || selectionEnd == null) {
            return false;
        }
        int[] a = before(selectionStart, selectionEnd) ? selectionStart : selectionEnd;
        int[] b = a == selectionStart ? selectionEnd : selectionStart;
        int[] p = {row, col};
        return before(a, p) && before(p, b);
    }

    private void draw() {
        redraw = false;
        TerminalSnapshot s = terminal.snapshot(back);
        drawn = s.version();
        shown = s;
        double w = s.columns() * cellWidth;
        double h = s.rows() * cellHeight;
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            requestLayout();
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFont(font);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        for (int y = 0; y < s.rows(); y++) {
            drawRow(g, s, y);
        }
        if (s.cursorRow() >= 0 && back == 0) {
            g.setStroke(Color.rgb(255, 255, 255, 0.85));
            g.setLineWidth(2);
            g.strokeRect(s.cursorColumn() * cellWidth + 1, s.cursorRow() * cellHeight + 1, cellWidth - 2,
                    cellHeight - 2);
        }
    }

    /** Runs of cells with one rendition: one rectangle and one string each. */
    private void drawRow(GraphicsContext g, TerminalSnapshot s, int y) {
        int[] chars = s.chars()[y];
        int[] attrs = s.attrs()[y];
        int x = 0;
        while (x < s.columns()) {
            int attr = effective(attrs[x], y, x);
            int end = x + 1;
            while (end < s.columns() && effective(attrs[end], y, end) == attr) {
                end++;
            }
            g.setFill(TerminalPalette.background(attr));
            // Whole pixels: runs that meet on a fractional x would leave a faint seam between them.
            double left = Math.floor(x * cellWidth);
            g.fillRect(left, y * cellHeight, Math.ceil(end * cellWidth) - left, cellHeight);
            g.setFill(TerminalPalette.foreground(attr));
            for (int i = x; i < end; i++) {
                if (chars[i] != ' ' && chars[i] != 0xA0) {
                    g.fillText(Character.toString(chars[i]), i * cellWidth, y * cellHeight);
                }
            }
            if (Attr.has(attr, Attr.UNDERLINE)) {
                g.fillRect(x * cellWidth, (y + 1) * cellHeight - 2, (end - x) * cellWidth, 1);
            }
            x = end;
        }
    }

    private int effective(int attr, int row, int col) {
        return selected(row, col) ? attr ^ Attr.INVERSE : attr;
    }
}
