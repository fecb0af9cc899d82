package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.instance.RealConsole;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.cira.CiraClientSettings;
import dev.outband.simulator.cira.ForwardedPorts;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands beside the process that holds the store: {@code outband cira serve} in a child JVM holds it and the CIRA
 * tunnel of a simulated device that called it; commands run here are run there, with their output and exit codes.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class OwnerDoorTest {
    private static final String CIRA_USER = "lab-cira";
    private static final String CIRA_PASSWORD = "Cira-P@ssw0rd";
    private static final String AMT_PASSWORD = "Sim-Passw0rd";

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void commandsBesideCiraServeReachItsCiraDeviceWithTheSameOutputAndExitCodes() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("front-desk-7", "admin", AMT_PASSWORD));
        String listenerName = Reach.cira(virtual.uuid().toString()).listenerNames().getFirst();
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            // As the console's Edit dialog leaves a device that called in: its AMT account entered.
            store.devices().insert(new Device(null, listenerName, "127.0.0.1", List.of(), "admin",
                    store.devices().seal(AMT_PASSWORD), TlsMode.NONE, null, Reach.cira(virtual.uuid().toString()), null));
        }
        Path password = home.resolve("cira-password");
        Files.writeString(password, CIRA_PASSWORD + "\n");
        Path log = home.resolve("serve.log");
        Process serve = RealConsole.start(home, log, "cira", "serve", "--port", "0", "--user", CIRA_USER,
                "--cira-password-file", password.toString());
        try {
            Matcher started = awaitLine(log, serve,
                    Pattern.compile("(?s)CIRA listener on port (\\d+).*Certificate SHA-256 ([0-9a-f]{64}).*run here\\."));
            try (CiraClient device = callHome(virtual, Integer.parseInt(started.group(1)), started.group(2))) {
                assertThat(device.awaitForwarding(Duration.ofSeconds(30))).isTrue();

                assertThat(run(none(), "info", listenerName, "--json")).as(err.toString()).isZero();
                JsonNode info = new ObjectMapper().readTree(out.toString());
                assertThat(info.get("hostName").asText()).isEqualTo("front-desk-7");
                assertThat(info.get("uuid").asText()).isEqualTo(virtual.uuid().toString());
                String named = "front-desk-7." + VirtualDevice.DOMAIN_NAME;
                assertThat(err.toString()).contains("The device is now named " + named);

                assertThat(run(none(), "power", "off", named)).as(err.toString()).isZero();
                assertThat(out.toString()).contains(named).contains("ok: off");
                assertThat(virtual.powerState()).isEqualTo(PowerState.OFF);
                assertThat(run(none(), "power", "on", named)).as(err.toString()).isZero();

                Path png = home.resolve("shot.png");
                int shot = run(typedOnceShown(virtual), "kvm", "screenshot", named, "--out", png.toString());
                assertThat(shot).as(err.toString()).isZero();
                assertThat(err.toString()).contains(named + " needs user consent");
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(out.toString()).contains(image.getWidth() + "x" + image.getHeight() + " screen of " + named);

                assertThat(run(none(), "devices", "remove", named)).as("only reading and acting on devices is run there")
                        .isEqualTo(ExitCode.STORE_IN_USE);
            }
            assertThat(run(none(), "devices", "list")).isZero();
            String listedByOwner = out.toString();
            assertThat(listedByOwner).contains(named());
            assertThat(run(none(), "info", "nobody")).isEqualTo(ExitCode.USER_ERROR);
            String refusedByOwner = err.toString();

            serve.destroy();
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(home.resolve(OwnerDoor.DOOR_FILE)).doesNotExist();

            assertThat(run(none(), "devices", "list")).isZero();
            assertThat(out.toString()).isEqualTo(listedByOwner);
            assertThat(run(none(), "info", "nobody")).isEqualTo(ExitCode.USER_ERROR);
            assertThat(err.toString()).isEqualTo(refusedByOwner);
            assertThat(run(none(), "info", named())).isEqualTo(ExitCode.USER_ERROR);
            assertThat(err.toString()).contains(named() + " is reached over CIRA and no Outband process carries its"
                    + " tunnel: start `outband cira serve` (or the console, and its Lab listener)");
        } finally {
            serve.destroyForcibly();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String named() {
        return "front-desk-7." + VirtualDevice.DOMAIN_NAME;
    }

    private int run(InputStream in, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()), in, new PrintWriter(out),
                new PrintWriter(err)));
    }

    private static InputStream none() {
        return new ByteArrayInputStream(new byte[0]);
    }

    /** What a technician types once the device shows its code (read when the command asks, not before). */
    private static InputStream typedOnceShown(VirtualDevice device) {
        return new InputStream() {
            private InputStream line;

            @Override
            public int read() throws IOException {
                if (line == null) {
                    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (device.consent().codeOnScreen().isEmpty() && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                    line = new ByteArrayInputStream((device.consent().codeOnScreen().orElse("") + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                }
                return line.read();
            }
        };
    }

    private static CiraClient callHome(VirtualDevice device, int port, String listenerSha256) throws Exception {
        return CiraClient.start(CiraClientSettings.of("127.0.0.1", port, new DeviceUuid(device.uuid()), CIRA_USER,
                CIRA_PASSWORD.getBytes(StandardCharsets.UTF_8), ForwardedPorts.of(device, null),
                DeviceSslContext.create(new TrustPolicy.Pinned(listenerSha256), "127.0.0.1").getSocketFactory())
                .withKeepAliveInterval(Duration.ofSeconds(1)));
    }

    private static Matcher awaitLine(Path log, Process process, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                throw new AssertionError("cira serve ended: " + text);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("cira serve did not start in 60 s: " + Files.readString(log, StandardCharsets.UTF_8));
    }
}
