package dev.outband.kvm.cli;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.PngWriter;
import dev.outband.kvm.session.VncConnector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.net.SocketFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outband vnc screenshot}: one full frame from a VNC server (or AMT's port 5900) into a PNG. */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = "Saves the screen of a VNC server (or an AMT device's port 5900) as PNG.")
public final class VncScreenshotCommand implements Callable<Integer> {
    @Option(names = "--host", required = true, description = "VNC server host name or address")
    String host;

    @Option(names = "--port", defaultValue = "5900", description = "VNC port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--password-file", description = "file whose first line is the VNC password")
    Path passwordFile;

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Option(names = "--bpp", defaultValue = "32", description = "pixel depth to request: 32, 16 or 8")
    int bpp;

    @Option(names = "--timeout", defaultValue = "20",
            description = "seconds for the whole screenshot: connecting, handshake and a full screen")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        char[] password = passwordFile == null ? null
                : Files.readAllLines(passwordFile, StandardCharsets.UTF_8).getFirst().toCharArray();
        PixelFormat format = switch (bpp) {
            case 16 -> PixelFormat.RGB565;
            case 8 -> PixelFormat.RGB332;
            default -> PixelFormat.RGB888;
        };
        RfbOptions options = RfbOptions.vnc(password).withPixelFormat(format);
        long start = System.nanoTime();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (RfbSession session = VncConnector.open(SocketFactory.getDefault(), host, port, options, timeout)) {
            Framebuffer frame = FrameGrabber.grab(session, timeout.minusNanos(System.nanoTime() - start));
            PngWriter.write(frame, out);
            System.out.printf("%s: %dx%d screen of \"%s\" written%n", out, frame.width(), frame.height(),
                    session.serverInit().name());
        }
        return 0;
    }
}
