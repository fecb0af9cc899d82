package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.Main;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outband sol} in a real terminal: the command runs in its own JVM on a pseudo-terminal that util-linux's
 * {@code script} provides, so raw mode is set with stty as a technician's terminal would have it. Ctrl-C must reach
 * the device as a byte (in a cooked terminal it would stop the program), and Ctrl-] leaves.
 */
@Timeout(90)
class SolRawModeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void inATerminalKeysGoRawToTheDeviceAndCtrlRightBracketLeaves() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-raw", "admin", "Sim-Passw0rd")
                .withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            StringWriter err = new StringWriter();
            int added = Cli.run(new String[] {"devices", "add", "--name", "sim-raw", "--host",
                "127.0.0.1:" + ports.httpPort(), "--kvm-port", String.valueOf(ports.kvmPort()), "--user", "admin",
                "--password-stdin"}, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                        new ByteArrayInputStream("Sim-Passw0rd".getBytes(StandardCharsets.UTF_8)),
                        new PrintWriter(new StringWriter()), new PrintWriter(err)));
            assertThat(added).as(err.toString()).isZero();

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String command = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' "
                    + Main.class.getName() + " sol sim-raw";
            ProcessBuilder builder = new ProcessBuilder("script", "-q", "-E", "never", "-e", "-c", command, "/dev/null")
                    .redirectErrorStream(true);
            builder.environment().put("OUTBAND_HOME", home.toString());
            Process p = builder.start();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> copy(p.getInputStream(), seen));
            try (OutputStream keys = p.getOutputStream()) {
                waitFor(seen, "sim-raw login: ");
                keys.write(new byte[] {'r', 'o', 'o', 't', 0x03, '\r'});
                keys.flush();
                waitFor(seen, "Password: ");
                assertThat(p.isAlive()).as("Ctrl-C went to the device, it did not stop the program").isTrue();
                assertThat(text(seen)).contains("sim-raw login: root\r\nPassword: ");
                keys.write(0x1D);
                keys.flush();
                assertThat(p.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(text(seen)).isTrue();
            } finally {
                p.destroyForcibly();
            }
            reader.join(WAIT);
            assertThat(p.exitValue()).as(text(seen)).isZero();
            assertThat(text(seen)).contains("Left the serial console of sim-raw.");
        }
    }

    private static void waitFor(ByteArrayOutputStream seen, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!text(seen).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no \"" + text + "\" within " + WAIT.toSeconds() + " s; seen: " + text(seen));
            }
            Thread.sleep(50);
        }
    }

    private static String text(ByteArrayOutputStream seen) {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (to) {
                    to.write(buf, 0, n);
                }
            }
        } catch (java.io.IOException ended) {
            // The process is gone; what it wrote is in the buffer.
        }
    }
}
