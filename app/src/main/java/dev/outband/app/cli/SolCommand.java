package dev.outband.app.cli;

import dev.outband.app.store.Device;
import dev.outband.kvm.sol.SolSession;
import dev.outband.kvm.terminal.ByteDecoder;
import dev.outband.kvm.terminal.TextEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code outband sol DEVICE}: the device's serial console on this terminal. In a terminal it runs raw (every key,
 * Ctrl-C included, goes to the device) and Ctrl-] leaves; with standard input from a pipe or file, lines are sent
 * with CR as Enter, and the session ends a moment after the input does.
 */
@Command(name = "sol", mixinStandardHelpOptions = true,
        description = "Attach this terminal to a stored device's serial console (Serial-over-LAN); Ctrl-] leaves.")
final class SolCommand implements Callable<Integer> {
    /** Ctrl-]: the telnet escape, which no BIOS or getty needs. */
    static final int ESCAPE = 0x1D;

    private final CliContext ctx;
    /** Set once the technician leaves: the connection's end is then ours, not news. */
    private final AtomicBoolean leaving = new AtomicBoolean();

    @Parameters(paramLabel = "DEVICE", description = "Device name; a remote source's device as SOURCE/DEVICE or its GUID.")
    String name;

    @Option(names = "--timeout", defaultValue = "20",
            description = "Seconds for connecting and starting the session (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--encoding", defaultValue = "CP437",
            description = "How the device's bytes above 0x7F are read: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE},"
                    + " what BIOS setups send).")
    TextEncoding encoding;

    @Option(names = "--linger", defaultValue = "2",
            description = "When standard input is not a terminal: seconds to keep showing the device's output after"
                    + " the input ended (default: ${DEFAULT-VALUE}).")
    int lingerSeconds;

    SolCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        DeviceLookup.Found found = DeviceLookup.find(ctx, new StoreVisits(ctx), name);
        Device device = found.devices().getFirst();
        try (SolSession session = ctx.connections().serving(found.remote()).device(device)
                .sol(Duration.ofSeconds(timeoutSeconds))) {
            Optional<RawTerminal> raw = ctx.in() == System.in ? RawTerminal.enter() : Optional.empty();
            ctx.err().printf("Connected to the serial console of %s. Ctrl-] leaves.%s", device.name(),
                    raw.isPresent() ? "\r\n" : System.lineSeparator());
            ctx.err().flush();
            Thread output = Thread.ofVirtual().name("sol-output").start(() -> show(session));
            boolean left;
            try {
                left = type(session, raw.isPresent());
            } finally {
                raw.ifPresent(RawTerminal::close);
            }
            if (!left && raw.isEmpty()) {
                output.join(Duration.ofSeconds(lingerSeconds));
            }
            leaving.set(true);
        }
        ctx.err().println();
        ctx.err().println("Left the serial console of " + device.name() + ".");
        return ExitCode.OK;
    }

    /** The device's output on standard output, its characters in this terminal's encoding. */
    private void show(SolSession session) {
        ByteDecoder decoder = new ByteDecoder(encoding);
        try {
            InputStream in = session.serialInput();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                ctx.out().write(decoder.decode(buf, 0, n));
                ctx.out().flush();
            }
            said("the device ended the session");
        } catch (IOException e) {
            said(e.getMessage());
        }
    }

    /** Why the output stopped, unless the technician left; a raw terminal still waits for one key. */
    private void said(String why) {
        if (!leaving.get()) {
            ctx.err().print("\r\noutband: the serial console ended: " + why + " (press Enter or Ctrl-] to return)\r\n");
            ctx.err().flush();
        }
    }

    /**
     * Standard input to the device until Ctrl-] (true) or its end (false); in line mode a newline is sent as Enter
     * (CR).
     */
    private boolean type(SolSession session, boolean raw) throws IOException {
        byte[] buf = new byte[1024];
        int n;
        while ((n = ctx.in().read(buf)) >= 0) {
            int end = 0;
            while (end < n && buf[end] != ESCAPE) {
                if (!raw && buf[end] == '\n') {
                    buf[end] = '\r';
                }
                end++;
            }
            if (end > 0) {
                session.send(Arrays.copyOf(buf, end));
            }
            if (end < n) {
                return true;
            }
        }
        return false;
    }
}
