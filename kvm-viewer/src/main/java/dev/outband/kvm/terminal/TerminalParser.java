package dev.outband.kvm.terminal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The escape-sequence parser: a state machine after the DEC VT500 parser (ground, escape, CSI, OSC and ignored
 * strings) that drives a {@link ScreenBuffer}. Control characters act in every state, CAN and SUB abort a
 * sequence, parameters and strings are bounded by {@link TerminalSettings}; unknown sequences are ignored.
 */
final class TerminalParser {
    private enum State { GROUND, ESCAPE, ESCAPE_INTERMEDIATE, CSI, CSI_IGNORE, OSC, STRING }

    private final ScreenBuffer screen;
    private final TerminalSettings settings;
    private final Consumer<byte[]> replies;
    private final ByteDecoder decoder = new ByteDecoder();
    private final int[] params;
    private final StringBuilder osc = new StringBuilder();
    private State state = State.GROUND;
    private int paramCount;
    private boolean anyParam;
    private char privateMarker;
    private char intermediate;
    private boolean stringEscape;
    private String title = "";

    TerminalParser(ScreenBuffer screen, TerminalSettings settings, Consumer<byte[]> replies) {
        this.screen = screen;
        this.settings = settings;
        this.replies = replies;
        this.params = new int[settings.maxParameters()];
    }

    void encoding(TextEncoding e) {
        decoder.encoding(e);
    }

    TextEncoding encoding() {
        return decoder.encoding();
    }

    String title() {
        return title;
    }

    void feed(byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            feed(data[i] & 0xFF);
        }
    }

    private void feed(int b) {
        if (state == State.GROUND && (b >= 0x80 || decoder.pending())) {
            decoder.decode(b, this::ground);
            return;
        }
        if (state == State.OSC || state == State.STRING) {
            string(b);
            return;
        }
        if (b < 0x20) {
            control(b);
            return;
        }
        switch (state) {
            case GROUND -> ground(b);
            case ESCAPE -> escape(b);
            case ESCAPE_INTERMEDIATE -> escapeFinal(b);
            case CSI -> csi(b);
            case CSI_IGNORE -> {
                if (b >= 0x40 && b <= 0x7E) {
                    state = State.GROUND;
                }
            }
            default -> { }
        }
    }

    /** A character from the decoder: controls act, the rest is printed. */
    private void ground(int c) {
        if (c < 0x20) {
            control(c);
        } else if (c != 0x7F) {
            screen.print(c);
        }
    }

    private void control(int b) {
        switch (b) {
            case 0x08 -> screen.backspace();
            case 0x09 -> screen.tab(1);
            case 0x0A, 0x0B, 0x0C -> screen.lineFeed();
            case 0x0D -> screen.carriageReturn();
            case 0x0E -> screen.shiftOut = true;
            case 0x0F -> screen.shiftOut = false;
            case 0x18, 0x1A -> state = State.GROUND;
            case 0x1B -> {
                state = State.ESCAPE;
                intermediate = 0;
            }
            default -> { }
        }
    }

    private void escape(int b) {
        state = State.GROUND;
        switch (b) {
            case '[' -> startCsi();
            case ']' -> {
                osc.setLength(0);
                stringEscape = false;
                state = State.OSC;
            }
            case 'P', 'X', '^', '_' -> {
                stringEscape = false;
                state = State.STRING;
            }
            case '(', ')', '#', '*', '+', ' ', '%' -> {
                intermediate = (char) b;
                state = State.ESCAPE_INTERMEDIATE;
            }
            case '7' -> screen.saveCursor();
            case '8' -> screen.restoreCursor();
            case 'D' -> screen.lineFeed();
            case 'E' -> {
                screen.carriageReturn();
                screen.lineFeed();
            }
            case 'M' -> screen.reverseIndex();
            case 'H' -> screen.setTabStop();
            case 'c' -> screen.reset();
            case '=' -> screen.appKeypad = true;
            case '>' -> screen.appKeypad = false;
            default -> { }
        }
    }

    private void escapeFinal(int b) {
        if (b < 0x30) {
            return;
        }
        state = State.GROUND;
        switch (intermediate) {
            case '(' -> screen.g0Graphics = b == '0';
            case ')' -> screen.g1Graphics = b == '0';
            case '#' -> {
                if (b == '8') {
                    screen.alignmentPattern();
                }
            }
            default -> { }
        }
    }

    private void startCsi() {
        state = State.CSI;
        paramCount = 0;
        anyParam = false;
        privateMarker = 0;
        intermediate = 0;
        Arrays.fill(params, 0);
    }

    private void csi(int b) {
        if (b >= '0' && b <= '9' || b == ';' || b == ':') {
            if (intermediate != 0) {
                state = State.CSI_IGNORE;
                return;
            }
            anyParam = true;
            if (b <= '9') {
                if (paramCount < params.length) {
                    params[paramCount] = Math.min(settings.maxParameter(), params[paramCount] * 10 + (b - '0'));
                }
            } else {
                paramCount++;
            }
        } else if (b >= '<' && b <= '?') {
            if (anyParam || privateMarker != 0) {
                state = State.CSI_IGNORE;
            } else {
                privateMarker = (char) b;
            }
        } else if (b >= 0x20 && b <= 0x2F) {
            intermediate = (char) b;
        } else if (b >= 0x40 && b <= 0x7E) {
            state = State.GROUND;
            dispatch((char) b, anyParam ? Math.min(paramCount + 1, params.length) : 0);
        }
    }

    private int param(int index, int count, int fallback) {
        return index < count && params[index] != 0 ? params[index] : fallback;
    }

    private void dispatch(char command, int n) {
        if (privateMarker == '?') {
            if (command == 'h' || command == 'l') {
                for (int i = 0; i < n; i++) {
                    decMode(params[i], command == 'h');
                }
            }
            return;
        }
        if (privateMarker != 0 || intermediate != 0) {
            if (privateMarker == '>' && command == 'c') {
                reply("\u001b[>1;10;0c");
            } else if (intermediate == '!' && command == 'p') {
                softReset();
            }
            return;
        }
        int p1 = param(0, n, 1);
        switch (command) {
            case 'A' -> screen.moveVertically(-p1);
            case 'B', 'e' -> screen.moveVertically(p1);
            case 'C', 'a' -> screen.moveHorizontally(p1);
            case 'D' -> screen.moveHorizontally(-p1);
            case 'E' -> {
                screen.moveVertically(p1);
                screen.carriageReturn();
            }
            case 'F' -> {
                screen.moveVertically(-p1);
                screen.carriageReturn();
            }
            case 'G', '`' -> screen.moveColumn(p1 - 1);
            case 'H', 'f' -> screen.moveTo(p1 - 1, param(1, n, 1) - 1);
            case 'd' -> screen.moveRow(p1 - 1);
            case 'I' -> screen.tab(p1);
            case 'Z' -> screen.backTab(p1);
            case 'J' -> screen.eraseDisplay(param(0, n, 0));
            case 'K' -> screen.eraseLine(param(0, n, 0));
            case 'X' -> screen.eraseChars(p1);
            case '@' -> screen.insertChars(p1);
            case 'P' -> screen.deleteChars(p1);
            case 'L' -> screen.insertLines(p1);
            case 'M' -> screen.deleteLines(p1);
            case 'S' -> screen.scrollUp(p1);
            case 'T' -> screen.scrollDown(p1);
            case 'g' -> screen.clearTabStops(param(0, n, 0));
            case 'r' -> screen.setScrollRegion(p1 - 1, param(1, n, 0) - 1);
            case 's' -> screen.saveCursor();
            case 'u' -> screen.restoreCursor();
            case 'm' -> sgr(n);
            case 'h', 'l' -> {
                for (int i = 0; i < n; i++) {
                    if (params[i] == 4) {
                        screen.insertMode = command == 'h';
                    }
                }
            }
            case 'n' -> {
                if (param(0, n, 0) == 5) {
                    reply("\u001b[0n");
                } else if (param(0, n, 0) == 6) {
                    reply("\u001b[" + (screen.cursorRowForReport() + 1) + ";" + (screen.cursorX + 1) + "R");
                }
            }
            case 'c' -> {
                if (param(0, n, 0) == 0) {
                    reply("\u001b[?62;6c");
                }
            }
            default -> { }
        }
    }

    private void decMode(int mode, boolean on) {
        switch (mode) {
            case 1 -> screen.appCursorKeys = on;
            case 6 -> screen.setOriginMode(on);
            case 7 -> screen.autoWrap = on;
            case 25 -> screen.cursorVisible = on;
            case 47, 1047 -> screen.alternateScreen(on);
            case 1049 -> {
                if (on) {
                    screen.alternateScreen(true);
                    screen.eraseDisplay(2);
                } else {
                    screen.alternateScreen(false);
                }
            }
            default -> { }
        }
    }

    private void sgr(int n) {
        if (n == 0) {
            screen.attr = Attr.PLAIN;
            return;
        }
        int a = screen.attr;
        for (int i = 0; i < n; i++) {
            int p = params[i];
            switch (p) {
                case 0 -> a = Attr.PLAIN;
                case 1 -> a |= Attr.BOLD;
                case 2 -> a |= Attr.FAINT;
                case 4 -> a |= Attr.UNDERLINE;
                case 5 -> a |= Attr.BLINK;
                case 7 -> a |= Attr.INVERSE;
                case 22 -> a &= ~(Attr.BOLD | Attr.FAINT);
                case 24 -> a &= ~Attr.UNDERLINE;
                case 25 -> a &= ~Attr.BLINK;
                case 27 -> a &= ~Attr.INVERSE;
                case 39 -> a = Attr.withForeground(a, Attr.DEFAULT);
                case 49 -> a = Attr.withBackground(a, Attr.DEFAULT);
                case 38, 48 -> {
                    // 256-colour and RGB forms: the first 16 indexed colours are kept, the rest skipped whole.
                    int kind = i + 1 < n ? params[i + 1] : 0;
                    if (kind == 5 && i + 2 < n) {
                        int colour = params[i + 2];
                        if (colour < 16) {
                            a = p == 38 ? Attr.withForeground(a, colour) : Attr.withBackground(a, colour);
                        }
                        i += 2;
                    } else if (kind == 2) {
                        i += 4;
                    } else {
                        i = n;
                    }
                }
                default -> {
                    if (p >= 30 && p <= 37) {
                        a = Attr.withForeground(a, p - 30);
                    } else if (p >= 40 && p <= 47) {
                        a = Attr.withBackground(a, p - 40);
                    } else if (p >= 90 && p <= 97) {
                        a = Attr.withForeground(a, p - 90 + 8);
                    } else if (p >= 100 && p <= 107) {
                        a = Attr.withBackground(a, p - 100 + 8);
                    }
                }
            }
        }
        screen.attr = a;
    }

    private void softReset() {
        screen.cursorVisible = true;
        screen.insertMode = false;
        screen.setOriginMode(false);
        screen.autoWrap = true;
        screen.appCursorKeys = false;
        screen.attr = Attr.PLAIN;
        screen.setScrollRegion(0, -1);
    }

    /** OSC and the ignored DCS/SOS/PM/APC strings end with BEL or ST (ESC \); CAN and SUB abort them. */
    private void string(int b) {
        if (b == 0x18 || b == 0x1A) {
            state = State.GROUND;
        } else if (b == 0x07 || stringEscape && b == '\\') {
            if (state == State.OSC) {
                osc();
            }
            state = State.GROUND;
        } else if (stringEscape) {
            // ESC then something else: the string ended without ST and a new sequence begins.
            state = State.ESCAPE;
            escape(b);
        } else if (b == 0x1B) {
            stringEscape = true;
            return;
        } else if (state == State.OSC && osc.length() < settings.maxStringLength() && b >= 0x20) {
            osc.append((char) b);
        }
        stringEscape = false;
    }

    private void osc() {
        int semi = osc.indexOf(";");
        String kind = semi < 0 ? "" : osc.substring(0, semi);
        if (kind.equals("0") || kind.equals("2")) {
            title = osc.substring(semi + 1);
        }
    }

    private void reply(String s) {
        replies.accept(s.getBytes(StandardCharsets.US_ASCII));
    }
}
