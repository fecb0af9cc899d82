package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.power.PowerAction;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PowerCommandTest {
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
    void powerOffReachesTheDeviceAndReportsEachDeviceSeparately() throws Exception {
        int exit = run("", "power", "off", "sim-1", "unplugged", "--json");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.PARTIAL);
        assertThat(device.powerState()).isEqualTo(PowerState.OFF);
        JsonNode results = new ObjectMapper().readTree(out.toString());
        assertThat(results).hasSize(2);
        JsonNode sim = results.get(0).get("device").asText().equals("sim-1") ? results.get(0) : results.get(1);
        JsonNode unplugged = sim == results.get(0) ? results.get(1) : results.get(0);
        assertThat(sim.get("ok").asBoolean()).isTrue();
        assertThat(sim.get("powerState").asText()).isEqualTo("Off - Soft");
        assertThat(unplugged.get("ok").asBoolean()).isFalse();
        assertThat(unplugged.get("message").asText()).isNotBlank();
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            assertThat(store.devices().findByName("sim-1").orElseThrow().state().powerState()).isEqualTo("Off - Soft");
        }
    }

    @Test
    void infoReadsTheDevicesIdentityAndPowerState() throws Exception {
        assertThat(run("", "info", "sim-1", "--json")).as(err.toString()).isZero();

        JsonNode info = new ObjectMapper().readTree(out.toString());
        assertThat(info.get("amtVersion").asText()).isNotBlank();
        assertThat(info.get("uuid").asText()).isEqualTo(device.uuid().toString());
        assertThat(info.get("powerState").asText()).isEqualTo("On");
        assertThat(out.toString()).doesNotContain("Sim-Passw0rd");
    }

    @Test
    void powerOnWhileOnIsSkippedAsAlreadyOnAndIsNotAnError() {
        assertThat(run("", "power", "on", "sim-1")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("skipped: already on").doesNotContain("FAILED");
    }

    @Test
    void anUnknownActionIsAOneLineUserError() {
        assertThat(run("", "power", "explode", "sim-1")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("Unknown power action 'explode'").contains("soft-off");
    }

    @Test
    void aSecondActionWithinTheCooldownIsSkippedAndTheDeviceIsNotAskedAgain() throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            var sim = store.devices().findByName("sim-1").orElseThrow();
            PowerRun run = new PowerRun(new DeviceConnections(portPlan()), store.devices(), frozen);

            assertThat(run.perform(PowerAction.OFF, List.of(sim), r -> { }).getFirst().ok()).isTrue();
            PowerRun.Result second = run.perform(PowerAction.ON, List.of(sim), r -> { }).getFirst();

            assertThat(second.outcome()).isEqualTo(PowerRun.Outcome.SKIPPED);
            assertThat(second.message()).startsWith("the last power action was moments ago").contains("20 s");
            assertThat(device.powerState()).isEqualTo(PowerState.OFF);
        }
    }

    @Test
    void theCooldownBelongsToTheDeviceAndHoldsAcrossCommandsAndARename() throws Exception {
        assertThat(run("", "power", "off", "sim-1")).as(err.toString()).isZero();
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            var d = store.devices().findByName("sim-1").orElseThrow();
            store.devices().update(new Device(d.id(), "sim-renamed", d.host(), d.tags(), d.user(), d.password(),
                    d.tls(), d.pinnedSha256(), d.reach(), d.state()));
        }

        assertThat(run("", "power", "on", "sim-renamed", "--json")).as("skipped is not an error").isZero();

        JsonNode result = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(result.get("ok").asBoolean()).isFalse();
        assertThat(result.get("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(result.get("message").asText()).startsWith("the last power action was moments ago");
        assertThat(device.powerState()).isEqualTo(PowerState.OFF);
    }
}
