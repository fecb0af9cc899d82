package dev.outband.kvm.testsupport;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A real VNC server on loopback for tests: TigerVNC's Xvnc, or x11vnc over Xvfb. Draws a known
 * picture on the root window and captures the server's own screenshot as ground truth.
 */
public final class VncServer implements AutoCloseable {
    public static final String PASSWORD = "Secr3t!x";

    private final List<Process> processes = new ArrayList<>();
    private final Path dir;
    private final int display;
    private final int port;

    private VncServer(Path dir, int display, int port) {
        this.dir = dir;
        this.display = display;
        this.port = port;
    }

    /** Xvnc with VNC authentication, {@code width}×{@code height} at depth 24. */
    public static VncServer xvnc(int width, int height) throws Exception {
        String xvnc = Tools.require("Xvnc", "tigervnc-standalone-server");
        String vncpasswd = Tools.require("vncpasswd", "tigervnc-tools");
        requireScreenshotTools();
        Path dir = Files.createTempDirectory("xvnc");
        int display = freeDisplay();
        int port = freePort();
        VncServer s = new VncServer(dir, display, port);
        try {
            Path pw = dir.resolve("pw");
            s.run(List.of("sh", "-c", "echo '" + PASSWORD + "' | " + vncpasswd + " -f > " + pw));
            s.spawn(List.of(xvnc, ":" + display, "-geometry", width + "x" + height, "-depth", "24",
                    "-rfbport", String.valueOf(port), "-localhost", "-interface", "127.0.0.1",
                    "-SecurityTypes", "VncAuth", "-rfbauth", pw.toString(), "-AlwaysShared"));
            s.awaitPort();
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    /** x11vnc serving an Xvfb display, one full-frame rectangle per update, no cursor painting. */
    public static VncServer x11vnc(int width, int height) throws Exception {
        return x11vnc(width, height, List.of());
    }

    /** x11vnc as above with more of its options, e.g. {@code -rfbversion 3.3}. */
    public static VncServer x11vnc(int width, int height, List<String> options) throws Exception {
        String xvfb = Tools.require("Xvfb", "xvfb");
        String x11vnc = Tools.require("x11vnc", "x11vnc");
        requireScreenshotTools();
        Path dir = Files.createTempDirectory("x11vnc");
        int display = freeDisplay();
        int port = freePort();
        VncServer s = new VncServer(dir, display, port);
        try {
            Path pw = dir.resolve("pw2");
            s.run(List.of(x11vnc, "-storepasswd", PASSWORD, pw.toString()));
            s.spawn(List.of(xvfb, ":" + display, "-screen", "0", width + "x" + height + "x24", "-nolisten", "tcp"));
            s.awaitSocket();
            List<String> command = new ArrayList<>(List.of(x11vnc, "-display", ":" + display, "-rfbport",
                    String.valueOf(port), "-localhost", "-rfbauth", pw.toString(), "-forever", "-shared",
                    "-noxdamage", "-nocursor", "-quiet",
                    // no idle napping: each test connects afresh and wants its first frame at once
                    "-nonap", "-wait", "5", "-defer", "5"));
            command.addAll(options);
            s.spawn(command);
            s.awaitPort();
            return s;
        } catch (Exception e) {
            s.close();
            throw e;
        }
    }

    /** xwd, xsetroot and ImageMagick take the ground-truth screenshots and paint the screen. */
    private static void requireScreenshotTools() {
        Tools.require("xwd", "x11-apps");
        Tools.require("xsetroot", "x11-xserver-utils");
        Tools.imageMagick("convert");
    }

    public int port() {
        return port;
    }

    /** Sets the root window to a picture with gradients, noise and flat areas, and returns the server's own screenshot. */
    public BufferedImage drawPatternAndCapture(int width, int height) throws Exception {
        Path pattern = dir.resolve("pattern.png");
        run(concat(Tools.imageMagick("convert"), "-size", width + "x" + height, "-seed", "7", "plasma:fractal",
                "-fill", "#ff0000", "-draw", "rectangle 10,10 100,60",
                "-fill", "#00ff80", "-draw", "rectangle 150,120 300,200", pattern.toString()));
        runIgnoringExit(concat(Tools.imageMagick("display"), "-display", ":" + display, "-window", "root",
                pattern.toString()));
        Path xwd = dir.resolve("truth.xwd");
        run(List.of(Tools.require("xwd", "x11-apps"), "-display", ":" + display, "-root", "-silent", "-out",
                xwd.toString()));
        Path truth = dir.resolve("truth.png");
        run(concat(Tools.imageMagick("convert"), "xwd:" + xwd, truth.toString()));
        return ImageIO.read(truth.toFile());
    }

    /** Paints the root window one colour (xsetroot). */
    public void setRootColour(String colour) throws Exception {
        run(List.of(Tools.require("xsetroot", "x11-xserver-utils"), "-display", ":" + display, "-solid", colour));
    }

    private static List<String> concat(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(args));
        return all;
    }

    private void run(List<String> cmd) throws Exception {
        int rc = runIgnoringExit(cmd);
        if (rc != 0) {
            throw new IOException(cmd.getFirst() + " exited with " + rc);
        }
    }

    private int runIgnoringExit(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("cmd.log").toFile())
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(cmd.getFirst() + " did not finish");
        }
        return p.exitValue();
    }

    private void spawn(List<String> cmd) throws IOException {
        Path log = dir.resolve(cmd.getFirst() + ".log");
        processes.add(new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start());
    }

    private void awaitPort() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                checkAlive();
                Thread.sleep(50);
            }
        }
        throw new IOException("VNC server did not open port " + port);
    }

    private void awaitSocket() throws Exception {
        Path socket = Path.of("/tmp/.X11-unix/X" + display);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.exists(socket) && System.nanoTime() < deadline) {
            checkAlive();
            Thread.sleep(50);
        }
    }

    private void checkAlive() throws IOException {
        for (Process p : processes) {
            if (!p.isAlive()) {
                throw new IOException("server process exited with " + p.exitValue());
            }
        }
    }

    private static int freeDisplay() {
        for (int i = 0; i < 200; i++) {
            int n = ThreadLocalRandom.current().nextInt(100, 600);
            if (!Files.exists(Path.of("/tmp/.X" + n + "-lock")) && !Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                return n;
            }
        }
        throw new IllegalStateException("no free X display number");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            stopProcesses();
        } finally {
            deleteDir();
        }
    }

    private void deleteDir() {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }

    private void stopProcesses() {
        for (Process p : processes.reversed()) {
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
