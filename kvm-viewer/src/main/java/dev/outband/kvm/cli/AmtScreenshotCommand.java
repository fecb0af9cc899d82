package dev.outband.kvm.cli;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.PngWriter;
import dev.outband.kvm.session.TlsSocketFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One KVM frame from an AMT device's redirection port into a PNG. The console's
 * {@code outband kvm screenshot <device>} resolves the device to these options (or calls
 * {@link AmtKvmConnector} with its own SocketFactory for CIRA or TLS with pinned certificates).
 */
@Command(name = "screenshot", mixinStandardHelpOptions = true,
        description = "Saves the KVM screen of an Intel AMT device as PNG.")
public final class AmtScreenshotCommand implements Callable<Integer> {
    @Option(names = "--host", required = true, description = "AMT host name or address")
    String host;

    @Option(names = "--port", description = "redirection port (default 16994, or 16995 with --tls)")
    Integer port;

    @Option(names = "--tls", description = "use TLS (port 16995) with the JDK's default trust")
    boolean tls;

    @Option(names = "--user", defaultValue = "admin", description = "AMT user (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--password-file", required = true, description = "file whose first line is the AMT password")
    Path passwordFile;

    @Option(names = "--colours", defaultValue = "AUTO", description = "AUTO, RGB565, RGB332, GREY8 or GREY4")
    AmtColourMode colours;

    @Option(names = "--out", required = true, description = "PNG file to write")
    Path out;

    @Option(names = "--timeout", defaultValue = "20",
            description = "seconds for the whole screenshot: connecting, handshake and a full screen")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        char[] password = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).getFirst().toCharArray();
        SocketFactory factory = tls
                ? new TlsSocketFactory(SocketFactory.getDefault(), (SSLSocketFactory) SSLSocketFactory.getDefault())
                : SocketFactory.getDefault();
        int p = port != null ? port : tls ? AmtKvmConnector.TLS_PORT : AmtKvmConnector.PORT;
        long start = System.nanoTime();
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        try (RfbSession session = AmtKvmConnector.open(factory, host, p, new AmtCredentials(user, password), colours,
                false, timeout)) {
            Framebuffer frame = FrameGrabber.grab(session, timeout.minusNanos(System.nanoTime() - start));
            PngWriter.write(frame, out);
            System.out.printf("%s: %dx%d KVM screen written (%s)%n", out, frame.width(), frame.height(),
                    session.pixelFormat());
        }
        return 0;
    }
}
