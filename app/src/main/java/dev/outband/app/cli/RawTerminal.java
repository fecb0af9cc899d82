package dev.outband.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The controlling terminal in raw mode (no echo, no line editing, Ctrl-C as a byte) through {@code stty}, as a
 * serial console needs it; the saved settings come back on close and on exit. Only where there is a terminal
 * and {@code stty} (Linux, macOS); elsewhere the session runs line by line.
 */
final class RawTerminal implements AutoCloseable {
    private static final File TTY = new File("/dev/tty");
    private static final long STTY_SECONDS = 5;

    private final String saved;
    private final Thread restoreOnExit;

    private RawTerminal(String saved) {
        this.saved = saved;
        this.restoreOnExit = new Thread(this::restore, "restore-terminal");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    /** Raw mode when standard input and output are a terminal; empty when they are not (pipes, files). */
    static Optional<RawTerminal> enter() {
        if (System.console() == null || !System.console().isTerminal() || !TTY.canRead()) {
            return Optional.empty();
        }
        try {
            String saved = stty("-g").strip();
            stty("raw", "-echo");
            return Optional.of(new RawTerminal(saved));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException exiting) {
            // The hook is running or has run: the terminal is restored either way.
        }
    }

    private void restore() {
        try {
            stty(saved);
        } catch (IOException e) {
            System.err.println("outband: could not restore the terminal (" + e.getMessage() + "): run 'stty sane'");
        }
    }

    private static String stty(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("stty"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(STTY_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("stty " + String.join(" ", args) + " failed");
            }
            return out;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting the terminal");
        }
    }
}
