package dev.outband.simulator.kvm;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Draws the virtual device's screen for a {@link ScreenState}: black, a BIOS text screen, or a desktop. */
public final class SyntheticScreen {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Font TEXT = new Font(Font.MONOSPACED, Font.PLAIN, 14);

    private final int width;
    private final int height;

    public SyntheticScreen(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Opaque ARGB pixels, row-major. */
    public int[] render(ScreenState s) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        // no anti-aliasing: flat colours, as a firmware or basic desktop would show, and deterministic pixels
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setFont(TEXT);
        switch (s.mode()) {
            case OFF -> {
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, width, height);
            }
            case BOOTING -> drawBios(g, s);
            case ON -> drawDesktop(g, s);
        }
        if (s.mode() != ScreenMode.OFF) {
            drawPointer(g, s);
        }
        g.dispose();
        int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            px[i] |= 0xFF000000;
        }
        return px;
    }

    private void drawBios(Graphics2D g, ScreenState s) {
        g.setColor(new Color(0, 0, 170));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(170, 170, 170));
        String[] lines = {
            "Outband Virtual Firmware  v1.0",
            "Intel(R) AMT simulated device",
            "",
            "CPU: Virtual vPro  @ 3.00GHz",
            "Memory test: 16384 MB OK",
            "",
            "Press <F2> to enter SETUP, <F12> for boot menu",
            "Booting" + ".".repeat((int) (s.epochSecond() % 4)),
            s.typed()
        };
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 16, 28 + 18 * i);
        }
        g.setColor(Color.WHITE);
        int top = 28 + 18 * (lines.length + 1);
        for (int i = 0; i < s.firmware().size(); i++) {
            g.drawString(s.firmware().get(i), 16, top + 18 * i);
        }
    }

    private void drawDesktop(Graphics2D g, ScreenState s) {
        for (int y = 0; y < height; y += 4) {
            g.setColor(new Color(20, 60 + 100 * y / height, 110 + 80 * y / height));
            g.fillRect(0, y, width, 4);
        }
        long t = s.epochSecond();
        int span = Math.max(1, width - 260);
        int x1 = (int) (t * 7 % span);
        int x2 = span - (int) (t * 11 % span);
        drawWindow(g, x1, 40, 240, 150, "Terminal", new Color(30, 30, 30), new Color(0, 220, 0), "$ uptime");
        drawWindow(g, x2, Math.max(60, height / 2 - 40), 240, 150, "Notepad", new Color(250, 250, 240),
                Color.BLACK, s.typed());
        g.setColor(new Color(40, 40, 48));
        g.fillRect(0, height - 28, width, 28);
        g.setColor(Color.WHITE);
        g.drawString(CLOCK.format(Instant.ofEpochSecond(t)), width - 84, height - 9);
        g.drawString("Start", 10, height - 9);
    }

    private static void drawWindow(Graphics2D g, int x, int y, int w, int h, String title, Color bg, Color fg,
            String text) {
        g.setColor(new Color(0, 90, 160));
        g.fillRect(x, y, w, 22);
        g.setColor(Color.WHITE);
        g.drawString(title, x + 6, y + 16);
        g.setColor(bg);
        g.fillRect(x, y + 22, w, h - 22);
        g.setColor(fg);
        int line = 0;
        for (String part : text.split("\n", -1)) {
            g.drawString(part, x + 6, y + 42 + 16 * line++);
        }
    }

    private static void drawPointer(Graphics2D g, ScreenState s) {
        g.setColor(s.buttons() != 0 ? Color.RED : Color.YELLOW);
        int x = s.pointerX();
        int y = s.pointerY();
        g.fillPolygon(new int[] {x, x + 10, x + 4}, new int[] {y, y + 6, y + 11}, 3);
    }
}
