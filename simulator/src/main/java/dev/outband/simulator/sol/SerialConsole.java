package dev.outband.simulator.sol;

import dev.outband.simulator.device.Display;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the virtual host writes to its serial port, as a BIOS with console redirection and then a Linux getty
 * do: a setup menu drawn with VT100 sequences (arrow keys move the selection, Enter opens an item, Esc goes
 * back) while the firmware runs, a login prompt once the OS is up, silence while off. Not thread-safe: the SOL
 * server calls it under its own lock.
 */
final class SerialConsole {
    static final List<String> MENU = List.of("System Information", "Boot Order", "Intel(R) AMT Configuration",
            "Console Redirection", "Save Changes and Exit", "Discard Changes and Exit");
    /** No key sends a longer escape sequence; a longer one is skipped at this length. */
    private static final int MAX_SEQUENCE = 8;
    private static final String ESC = "\u001b";
    private static final int WIDTH = 80;
    private static final int TOP = 5;

    private enum Mode { SILENT, MENU, ITEM, LOGIN, PASSWORD }

    private final String hostName;
    private Mode mode = Mode.SILENT;
    private int selected;
    private final StringBuilder typed = new StringBuilder();

    SerialConsole(String hostName) {
        this.hostName = hostName;
    }

    /**
     * The screen for what the device now shows: the whole menu, the login banner, or nothing (off, or firmware
     * that was not asked to redirect its screens: {@code firmwareOnSerial} false).
     */
    byte[] show(Display display, boolean firmwareOnSerial) {
        Out out = new Out();
        switch (display) {
            case BLACK -> mode = Mode.SILENT;
            case DESKTOP -> {
                mode = Mode.LOGIN;
                typed.setLength(0);
                out.add(ESC + "[0m" + ESC + "[2J" + ESC + "[H");
                out.add("\r\nUbuntu 24.04.1 LTS " + hostName + " ttyS4\r\n\r\n" + hostName + " login: ");
            }
            default -> {
                if (firmwareOnSerial) {
                    mode = Mode.MENU;
                    selected = 0;
                    drawMenu(out);
                } else {
                    mode = Mode.SILENT;
                }
            }
        }
        return out.bytes();
    }

    /**
     * Keystrokes from the console; returns what the host writes back. A terminal sends an escape sequence in one
     * write, so an Esc that no {@code [} or {@code O} follows within the same data is the Esc key itself.
     */
    byte[] keys(byte[] data) {
        Out out = new Out();
        int i = 0;
        while (i < data.length) {
            int c = data[i] & 0xFF;
            if (c == 0x1B && i + 2 < data.length && (data[i + 1] == '[' || data[i + 1] == 'O')) {
                int end = i + 2;
                while (end < data.length && end - i < MAX_SEQUENCE && !isFinal(data[end])) {
                    end++;
                }
                int last = data[Math.min(end, data.length - 1)];
                if (last == 'A' && end == i + 2) {
                    move(out, -1);
                } else if (last == 'B' && end == i + 2) {
                    move(out, 1);
                }
                i = end + 1;
            } else if (c == 0x1B) {
                escape(out);
                i++;
            } else {
                key(out, c);
                i++;
            }
        }
        return out.bytes();
    }

    private static boolean isFinal(byte b) {
        return b >= 0x40 && b <= 0x7E;
    }

    private void key(Out out, int c) {
        switch (mode) {
            case SILENT -> { }
            case MENU -> {
                if (c == '\r') {
                    mode = Mode.ITEM;
                    drawItem(out);
                }
            }
            case ITEM -> { }
            case LOGIN, PASSWORD -> login(out, c);
        }
    }

    private void escape(Out out) {
        if (mode == Mode.ITEM) {
            mode = Mode.MENU;
            drawMenu(out);
        }
    }

    private void move(Out out, int step) {
        if (mode != Mode.MENU) {
            return;
        }
        int next = Math.floorMod(selected + step, MENU.size());
        drawEntry(out, selected, false);
        selected = next;
        drawEntry(out, selected, true);
    }

    private void login(Out out, int c) {
        if (c == '\r' || c == '\n') {
            if (mode == Mode.LOGIN && typed.isEmpty()) {
                out.add("\r\n" + hostName + " login: ");
            } else if (mode == Mode.LOGIN) {
                mode = Mode.PASSWORD;
                out.add("\r\nPassword: ");
            } else {
                mode = Mode.LOGIN;
                out.add("\r\n\r\nLogin incorrect\r\n" + hostName + " login: ");
            }
            typed.setLength(0);
        } else if ((c == 0x7F || c == 0x08) && !typed.isEmpty()) {
            typed.setLength(typed.length() - 1);
            if (mode == Mode.LOGIN) {
                out.add("\b \b");
            }
        } else if (c >= 0x20 && c < 0x7F && typed.length() < 64) {
            typed.append((char) c);
            if (mode == Mode.LOGIN) {
                out.add(String.valueOf((char) c));
            }
        }
    }

    private void drawMenu(Out out) {
        // Blue screen, white text, a line-drawing frame (DEC special graphics), as AMI/Insyde setups redirect.
        out.add(ESC + "[0m" + ESC + "[44;37m" + ESC + "[2J" + ESC + "[H");
        out.add(ESC + "[1;1H" + ESC + "[46;30m" + center("Outband Virtual BIOS Setup Utility", WIDTH) + ESC + "[44;37m");
        out.add(ESC + "[3;3H" + ESC + "(0l" + "q".repeat(46) + "k" + ESC + "(B");
        for (int row = 4; row < TOP + MENU.size() + 1; row++) {
            out.add(ESC + "[" + row + ";3H" + ESC + "(0x" + ESC + "(B" + ESC + "[" + row + ";50H" + ESC + "(0x" + ESC + "(B");
        }
        out.add(ESC + "[" + (TOP + MENU.size() + 1) + ";3H" + ESC + "(0m" + "q".repeat(46) + "j" + ESC + "(B");
        for (int i = 0; i < MENU.size(); i++) {
            drawEntry(out, i, i == selected);
        }
        out.add(ESC + "[22;3H" + ESC + "[1;33m" + "Up/Down: Select Item   Enter: Select   Esc: Exit" + ESC + "[0;44;37m");
        out.add(ESC + "[24;1H");
    }

    private void drawEntry(Out out, int index, boolean highlighted) {
        out.add(ESC + "[" + (TOP + index) + ";5H");
        String text = String.format("%-40s", (highlighted ? "> " : "  ") + MENU.get(index));
        out.add(highlighted ? ESC + "[47;34m" + text + ESC + "[44;37m" : text);
        out.add(ESC + "[24;1H");
    }

    private void drawItem(Out out) {
        out.add(ESC + "[44;37m" + ESC + "[2J" + ESC + "[1;1H" + ESC + "[46;30m" + center(MENU.get(selected), WIDTH)
                + ESC + "[44;37m");
        out.add(ESC + "[4;5H" + "Host name            " + hostName);
        out.add(ESC + "[5;5H" + "Console redirection  COM3 (SOL) 115200 8N1 VT100+");
        out.add(ESC + "[22;3H" + ESC + "[1;33mEsc: Back" + ESC + "[0;44;37m" + ESC + "[24;1H");
    }

    private static String center(String s, int width) {
        int left = (width - s.length()) / 2;
        return " ".repeat(left) + s + " ".repeat(width - s.length() - left);
    }

    /** What the host writes, as the Latin-1 bytes a BIOS puts on the wire. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();

        void add(String s) {
            text.append(s);
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
