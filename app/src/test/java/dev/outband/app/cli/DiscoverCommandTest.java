package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.discovery.SimulatedLan;
import dev.outband.wsman.tls.Certificates;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outband discover} over real sockets against virtual devices on their own loopback addresses. The
 * devices' answers are the simulator's, whose bytes wsman's and the simulator's discovery tests check against
 * the recorded AMT answers and the fact sheet.
 */
@Timeout(60)
class DiscoverCommandTest {
    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.of("OUTBAND_HOME", home.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
                new PrintWriter(err)));
    }

    @Test
    void jsonListsEveryDeviceAndAddPinsTheirCertificates() throws Exception {
        try (SimulatedLan lan = SimulatedLan.start(3, 1)) {
            int code = run("P@ssw0rd!\n", "discover", lan.cidr(), "--json", "--rate", "2000/s", "--pong-wait", "1",
                    "--rmcp-port", String.valueOf(lan.rmcpPort()), "--http-port", String.valueOf(lan.httpPort()),
                    "--tls-port", String.valueOf(lan.httpPort() + 1), "--add", "--user", "admin", "--password-stdin");
            assertThat(code).as(err.toString()).isZero();
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertThat(json.get("addresses").asInt()).isEqualTo(254);
            assertThat(json.get("cancelled").asBoolean()).isFalse();
            JsonNode devices = json.get("devices");
            assertThat(devices).hasSize(3);
            String sha256 = Certificates.sha256(lan.identity().certificate());
            for (int i = 0; i < 3; i++) {
                JsonNode d = devices.get(i);
                assertThat(d.get("address").asText()).isEqualTo(lan.prefix() + (SimulatedLan.FIRST_HOST + i));
                assertThat(d.get("ports").toString())
                        .isEqualTo("[" + lan.httpPort() + "," + (lan.httpPort() + 1) + "]");
                assertThat(d.get("tls").asBoolean()).isTrue();
                assertThat(d.get("version").asText()).isEqualTo("16.1.25.2049");
                assertThat(d.get("provisioning").asText()).isEqualTo(i < 2 ? "post" : "pre");
                assertThat(d.get("realm").asText()).matches("Digest:[0-9A-F]{32}");
                assertThat(d.get("sha256").asText()).isEqualTo(sha256);
                assertThat(d.get("presencePong").asBoolean()).isTrue();
                assertThat(json.get("added").get(i).get("tls").asText()).isEqualTo("pinned");
            }
            assertThat(err.toString()).startsWith("3 AMT devices found in 254 addresses");

            assertThat(run("", "devices", "list", "--json")).isZero();
            JsonNode stored = new ObjectMapper().readTree(out.toString());
            assertThat(stored).hasSize(3);
            assertThat(stored.get(0).get("host").asText()).isEqualTo(lan.prefix() + SimulatedLan.FIRST_HOST);
            assertThat(stored.get(0).get("user").asText()).isEqualTo("admin");
            assertThat(stored.get(0).get("tls").asText()).isEqualTo("pinned");
        }
    }

    @Test
    void aTableByDefaultAndAnEmptyRangeSaysSo() throws Exception {
        int code = run("", "discover", "127.201.77.0-127.201.77.40", "--rate", "1000", "--pong-wait", "0.5");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().strip())
                .startsWith("No AMT device found in 41 addresses (127.201.77.0-127.201.77.40)");
    }

    @Test
    void aRangeWiderThanASlash16IsRefusedBeforeScanning() {
        assertThat(run("", "discover", "10.0.0.0/15")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("at most a /16");
    }
}
