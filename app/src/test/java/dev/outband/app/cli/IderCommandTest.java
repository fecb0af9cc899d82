package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.Main;
import dev.outband.app.ider.FloppyImage;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outband ider} in its own process against a virtual device: it attaches the image, boots the device, prints
 * the bytes read while it stays attached, and on a termination signal (what Ctrl-C sends through the JVM's
 * shutdown hooks) detaches and says how much was read.
 */
@Timeout(90)
class IderCommandTest {
    @TempDir
    Path home;

    @Test
    void theCommandStaysAttachedPrintingProgressUntilItIsStopped() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-ider", "admin", "Sim-Passw0rd")
                .withOptInRequired(0).withBootDuration(Duration.ofMinutes(5)));
        byte[] image = FloppyImage.build();
        Path file = Files.write(home.resolve("boot.img"), image);
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            StringWriter err = new StringWriter();
            int added = Cli.run(new String[] {"devices", "add", "--name", "sim-ider", "--host",
                    "127.0.0.1:" + ports.httpPort(), "--kvm-port", String.valueOf(ports.kvmPort()), "--user", "admin",
                    "--password-stdin"}, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                    new ByteArrayInputStream("Sim-Passw0rd\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintWriter(new StringWriter()), new PrintWriter(err)));
            assertThat(added).as(err.toString()).isZero();

            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "ider", "sim-ider", "--image", file.toString(), "--boot")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("OUTBAND_HOME", home.toString());
            Process child = builder.start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                List<String> lines = new ArrayList<>();
                while (!lines.contains("Read 512 bytes.")) {
                    String line = nextLine(out);
                    assertThat(line).as("output so far: %s", lines).isNotNull();
                    lines.add(line);
                }
                assertThat(lines).startsWith(
                        "sim-ider: boot.img attached as IDE-R floppy (1,474,560 bytes). Ctrl-C detaches it.",
                        "Boot: reset to IDE-R floppy (action 200) sent.");
                assertThat(device.ider().readout().sectors().get(0L)).isEqualTo(Arrays.copyOf(image, 512));
                assertThat(device.ider().attached()).as("still attached").isTrue();

                // SIGTERM, as Ctrl-C ends the JVM (Process.destroy would also close the pipes we read).
                child.toHandle().destroy();
                List<String> rest = new ArrayList<>();
                for (String line = nextLine(out); line != null; line = nextLine(out)) {
                    rest.add(line);
                }
                assertThat(rest).contains("Stopped: the device read 512 bytes.");
            } finally {
                if (!child.waitFor(20, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (device.ider().attached() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(device.ider().attached()).as("detached after the signal").isFalse();
        }
    }

    private static String nextLine(BufferedReader out) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
    }
}
