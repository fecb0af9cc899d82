package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.tls.Certificates;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class KvmScreenshotCommandTest {
    @TempDir
    Path home;

    private final VirtualDevice consenting = new VirtualDevice(DeviceConfig.of("sim-ccm", "admin", "Sim-Passw0rd"));
    private final VirtualDevice secure = new VirtualDevice(
            DeviceConfig.of("sim-tls", "admin", "Sim-Passw0rd").withOptInRequired(0));
    private DeviceCertificates.Issued identity;
    private DevicePorts consentingPorts;
    private DevicePorts securePorts;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void startDevices() throws Exception {
        identity = DeviceCertificates.loopbackDevice();
        consentingPorts = DevicePorts.open(consenting, 0, 0, null);
        securePorts = DevicePorts.open(secure, 0, 0, 0, 0, DeviceCertificates.serverSocketFactory(identity));
        assertThat(run(text("Sim-Passw0rd"), "devices", "add", "--name", "sim-ccm", "--host", "127.0.0.1",
                "--user", "admin", "--password-stdin")).isZero();
        assertThat(run(text("Sim-Passw0rd"), "devices", "add", "--name", "sim-tls", "--host", "127.0.0.1",
                "--user", "admin", "--password-stdin", "--tls")).as(err.toString()).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        consentingPorts.close();
        securePorts.close();
    }

    @Test
    void theCodeTypedOnStandardInputGrantsConsentAndTheScreenIsSaved() throws Exception {
        Path png = home.resolve("shot.png");
        // What a technician types once the device shows its code.
        InputStream typed = new InputStream() {
            private InputStream line;

            @Override
            public int read() throws java.io.IOException {
                if (line == null) {
                    line = text(consenting.consent().codeOnScreen().orElse("") + "\n");
                }
                return line.read();
            }
        };

        int exit = run(typed, "kvm", "screenshot", "sim-ccm", "--out", png.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).contains("sim-ccm needs user consent");
        assertThat(consenting.consent().state()).isGreaterThanOrEqualTo(3);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isPositive();
        assertThat(out.toString()).contains(image.getWidth() + "x" + image.getHeight() + " screen of sim-ccm");
    }

    @Test
    void withoutACodeTheRequestIsCancelledAndNothingIsWritten() throws Exception {
        Path png = home.resolve("none.png");

        int exit = run(text(""), "kvm", "screenshot", "sim-ccm", "--out", png.toString());

        assertThat(exit).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("No consent code given");
        assertThat(consenting.consent().codeOnScreen()).as("code taken off the screen").isEmpty();
        assertThat(png).doesNotExist();
    }

    @Test
    void anUntrustedCertificateIsNamedWithItsFingerprintAndWorksOncePinned() throws Exception {
        String sha256 = Certificates.sha256(identity.certificate());
        Path png = home.resolve("tls.png");

        assertThat(run(text(""), "kvm", "screenshot", "sim-tls", "--out", png.toString()))
                .isEqualTo(ExitCode.TLS_UNTRUSTED);
        assertThat(err.toString()).contains("does not match the trusted CA").contains("outband devices pin DEVICE " + sha256);

        assertThat(run(text(""), "devices", "pin", "sim-tls", sha256)).as(err.toString()).isZero();
        assertThat(run(text(""), "kvm", "screenshot", "sim-tls", "--out", png.toString())).as(err.toString()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isPositive();
    }

    @Test
    void aPinMustBeASha256() {
        assertThat(run(text(""), "devices", "pin", "sim-tls", "abc")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("64 hex digits");
    }

    private DeviceConnections.Ports portPlan() {
        return DeviceConnections.Ports.of(
                d -> d.name().equals("sim-tls") ? securePorts.tlsPort() : consentingPorts.httpPort(),
                d -> d.name().equals("sim-tls") ? securePorts.kvmTlsPort() : consentingPorts.kvmPort());
    }

    private int run(InputStream stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()), stdin, new PrintWriter(out),
                new PrintWriter(err), portPlan()));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
