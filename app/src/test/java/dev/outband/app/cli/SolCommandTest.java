package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code outband sol} with standard input from a pipe: the line-by-line fallback, against a simulated device. */
@Timeout(60)
class SolCommandTest {
    @TempDir
    Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-sol", "admin", "Sim-Passw0rd")
            .withOptInRequired(0).withBootDuration(Duration.ofMinutes(5)));
    private DevicePorts ports;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        assertThat(run(text("Sim-Passw0rd"), "devices", "add", "--name", "sim-sol", "--host",
                "127.0.0.1:" + ports.httpPort(), "--kvm-port", String.valueOf(ports.kvmPort()), "--user", "admin",
                "--password-stdin")).as(err.toString()).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    @Test
    void pipedLinesAreTypedWithEnterAndTheDevicesAnswersArePrinted() {
        int exit = run(text("root\n"), "sol", "sim-sol", "--linger", "1");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("sim-sol login: root\r\nPassword: ");
        assertThat(err.toString()).contains("Connected to the serial console of sim-sol. Ctrl-] leaves.")
                .contains("Left the serial console of sim-sol.");
    }

    @Test
    void ctrlRightBracketLeavesAndWhatFollowsIsNotSent() {
        long start = System.nanoTime();
        int exit = run(text("ab\u001dcd\n"), "sol", "sim-sol", "--linger", "10");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no lingering after Ctrl-]")
                .isLessThan(Duration.ofSeconds(5));
        assertThat(out.toString()).doesNotContain("cd").doesNotContain("Password");
    }

    @Test
    void theBiosMenuIsPrintedWithItsBoxDrawingInThisTerminalsEncoding() throws Exception {
        device.setBootOptions(new dev.outband.simulator.device.BootOptions(true, false, true, null, false));
        assertThat(device.requestPowerState(10)).isZero();
        int exit = run(text("\u001b[B"), "sol", "sim-sol", "--linger", "1");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Outband Virtual BIOS Setup Utility").contains("> Boot Order")
                .contains("\u001b(0lqqq");
    }

    @Test
    void anUnknownDeviceIsAUsageErrorInWords() {
        int exit = run(text(""), "sol", "nope");
        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("nope");
    }

    private int run(InputStream stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()), stdin, new PrintWriter(out),
                new PrintWriter(err)));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
