package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.amt.PortBlocks;
import dev.outband.simulator.device.DeviceFleet;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** 'outband devices add --host h:p' and the CLI reaching a fleet started as 'outband sim --base-port' starts it. */
@Timeout(60)
class OwnPortsCliTest {
    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;

    /** With the CLI's own port plan (AMT_PORTS), as 'outband' runs. */
    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err)));
    }

    @Test
    void devicesAddedWithHostColonPortAreListedSoAndAnswerInfo() throws Exception {
        try (DeviceFleet fleet = PortBlocks.start(base -> DeviceFleet.start(5, base, "admin", "Sim-Passw0rd", null,
                Duration.ofSeconds(1)))) {
            for (DeviceFleet.Member m : fleet.members()) {
                assertThat(run("Sim-Passw0rd", "devices", "add", "--name", m.device().name(), "--host",
                        "127.0.0.1:" + m.ports().httpPort(), "--kvm-port", String.valueOf(m.ports().kvmPort()),
                        "--user", "admin", "--password-stdin")).as(err.toString()).isZero();
            }

            assertThat(run("", "devices", "list")).isZero();
            for (DeviceFleet.Member m : fleet.members()) {
                assertThat(out.toString()).contains("127.0.0.1:" + m.ports().httpPort());
            }
            for (DeviceFleet.Member m : fleet.members()) {
                assertThat(run("", "info", m.device().name(), "--json")).as(err.toString()).isZero();
                JsonNode info = new ObjectMapper().readTree(out.toString());
                assertThat(info.get("uuid").asText()).isEqualTo(m.device().uuid().toString());
                assertThat(info.get("host").asText()).isEqualTo("127.0.0.1:" + m.ports().httpPort());
            }
        }
    }

    @Test
    void anIpv6AddressTakesItsPortInBrackets() throws Exception {
        assertThat(run("", "devices", "add", "--name", "v6", "--host", "[2001:db8::7]:17000")).isZero();
        assertThat(run("", "devices", "add", "--name", "v6-bare", "--host", "2001:db8::8")).isZero();
        assertThat(run("", "devices", "list", "--json")).isZero();

        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertThat(rows.get(0).get("host").asText()).isEqualTo("2001:db8::7");
        assertThat(rows.get(0).get("wsmanPort").asInt()).isEqualTo(17000);
        assertThat(rows.get(1).get("host").asText()).isEqualTo("2001:db8::8");
        assertThat(rows.get(1).get("wsmanPort").isNull()).isTrue();
    }

    @Test
    void aBadPortIsRefusedSayingSo() {
        assertThat(run("", "devices", "add", "--name", "x", "--host", "127.0.0.1:70000")).isNotZero();
        assertThat(err.toString()).contains("Not a valid port");
    }
}
