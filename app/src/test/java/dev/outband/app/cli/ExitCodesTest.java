package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each failure a script may want to tell apart has its own exit code; TLS trust (6) is in KvmScreenshotCommandTest. */
@Timeout(60)
class ExitCodesTest {
    @TempDir
    Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
    private DevicePorts ports;
    private int closedPort;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void startDeviceAndStoreIt() throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        assertThat(run("Sim-Passw0rd", "devices", "add", "--name", "sim-1", "--host", "127.0.0.1", "--user", "admin",
                "--password-stdin")).isZero();
        assertThat(run("Wrong-Passw0rd", "devices", "add", "--name", "sim-wrong", "--host", "127.0.0.1", "--user",
                "admin", "--password-stdin")).isZero();
        assertThat(run("whatever", "devices", "add", "--name", "unplugged", "--host", "127.0.0.1", "--user", "admin",
                "--password-stdin")).isZero();
    }

    @AfterEach
    void stop() throws Exception {
        ports.close();
    }

    private DeviceConnections.Ports portPlan() {
        return d -> d.name().startsWith("sim-") ? ports.httpPort() : closedPort;
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err), portPlan()));
    }

    @Test
    void aReachableDeviceWithItsPasswordExitsZero() {
        assertThat(run("", "info", "sim-1")).as(err.toString()).isEqualTo(ExitCode.OK);
    }

    @Test
    void anUnknownOptionOrCommandOrAMissingValueIsAUsageErrorWithTwo() {
        assertThat(run("", "devices", "list", "--bogus")).isEqualTo(ExitCode.USAGE).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--bogus'").contains("Try 'outband devices list --help'");
        assertThat(run("", "explode")).isEqualTo(2);
        assertThat(run("", "info")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter");
    }

    @Test
    void aDeviceThatRefusesTheConnectionIsUnreachableWithFour() {
        assertThat(run("", "info", "unplugged")).isEqualTo(ExitCode.UNREACHABLE).isEqualTo(4);
        assertThat(err.toString()).startsWith("outband: ");
    }

    @Test
    void aDeviceThatRefusesThePasswordIsAuthenticationRefusedWithFive() {
        assertThat(run("", "info", "sim-wrong")).isEqualTo(ExitCode.AUTH_REFUSED).isEqualTo(5);
        assertThat(err.toString()).contains("Error validating management credentials");
    }

    @Test
    void theHelpListsEveryExitCode() {
        assertThat(run("", "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:")
                .containsPattern("\\s2\\s+Wrong command line")
                .containsPattern("\\s4\\s+A device or remote source did not answer")
                .containsPattern("\\s5\\s+A device or remote source refused the user name or password")
                .containsPattern("\\s6\\s+A TLS certificate was not trusted")
                .containsPattern("\\s7\\s+The device store is open in the console");
    }
}
