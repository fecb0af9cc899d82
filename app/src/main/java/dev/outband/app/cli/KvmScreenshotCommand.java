package dev.outband.app.cli;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.KvmConsent;
import dev.outband.app.store.Device;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.PngWriter;
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
            ConsentPrompt.obtain(ctx, device, consent);
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
}
