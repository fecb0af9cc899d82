package dev.outband.app.cli;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.KvmConsent;
import dev.outband.app.store.Device;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.PngWriter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outband kvm screenshot <device>}: one full KVM frame of a stored device into a PNG. */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = "Save the remote screen of a stored device as PNG (asks for the user consent code when needed).")
final class KvmScreenshotCommand implements Callable<Integer> {
    private static final int CODE_ATTEMPTS = 3;

    private final CliContext ctx;

    @Parameters(paramLabel = "DEVICE", description = "Device name; a remote source's device as SOURCE/DEVICE or its GUID.")
    String name;

    @Option(names = "--out", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--timeout", defaultValue = "20",
            description = "Seconds for connecting, the handshake and a full screen, after consent"
                    + " (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    KvmScreenshotCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        DeviceLookup.Found found = DeviceLookup.find(ctx, new StoreVisits(ctx), name);
        Device device = found.devices().getFirst();
        DeviceConnections connections = ctx.connections().serving(found.remote());
        KvmConsent consent = new KvmConsent(connections.device(device));
        if (consent.begin()) {
            obtainConsent(device, consent);
        }
        // The timeout counts from here: waiting for the technician to type the code is not the device's delay.
        long start = System.nanoTime();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (RfbSession session = connections.device(device).kvm(timeout)) {
            Framebuffer frame = FrameGrabber.grab(session, timeout.minusNanos(System.nanoTime() - start));
            PngWriter.write(frame, ctx.resolve(out));
            ctx.out().printf("%s: %dx%d screen of %s written%n", out, frame.width(), frame.height(), device.name());
        }
        return ExitCode.OK;
    }

    /** The code comes from standard input: typed by the technician, or piped in by a script that asked for it. */
    private void obtainConsent(Device device, KvmConsent consent) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8));
        for (int attempt = 1; attempt <= CODE_ATTEMPTS; attempt++) {
            ctx.err().printf("%s needs user consent: type the 6-digit code shown on its screen: ", device.name());
            ctx.err().flush();
            String typed = in.readLine();
            if (typed == null) {
                consent.cancel();
                throw new UserException("No consent code given; the request on " + device.name() + " was cancelled");
            }
            if (!KvmConsent.wellFormed(typed)) {
                ctx.err().println("The code is 6 digits.");
                continue;
            }
            switch (consent.send(typed)) {
                case ACCEPTED -> {
                    return;
                }
                case WRONG_CODE -> ctx.err().println("The device refused that code.");
                case RESTARTED -> ctx.err().println("The device dropped the request after wrong codes; it shows a new code.");
            }
        }
        consent.cancel();
        throw new UserException("No valid consent code after " + CODE_ATTEMPTS + " attempts; the request was cancelled");
    }
}
