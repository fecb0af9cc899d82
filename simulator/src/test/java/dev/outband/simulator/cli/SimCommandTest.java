package dev.outband.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outband.simulator.activation.RpsPlayer;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class SimCommandTest {
    @Test
    void aFleetOfDevicesEachAnswersOnItsOwnPortWithTheGivenCredentials() throws Exception {
        try (DeviceFleet fleet = DeviceFleet.start(3, 0, "tech", "Secr3t!x", null, Duration.ofMillis(50))) {
            assertThat(fleet.members()).hasSize(3);
            for (DeviceFleet.Member m : fleet.members()) {
                AmtClient client = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", m.ports().httpPort(),
                        new DigestCredentials("tech", "Secr3t!x")));
                assertThat(client.identity().read().uuid()).isEqualTo(m.device().uuid());
            }
        }
    }

    @Test
    void aCountOfZeroIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand()).setErr(new PrintWriter(err));
        assertThat(cli.execute("--count", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--count must be 1..10000");
    }

    @Test
    void unprovisionedDevicesActivateThroughTheServerAndEachResultIsPrinted(@TempDir Path dir) throws Exception {
        try (RpsPlayer rps = new RpsPlayer()) {
            StringWriter out = new StringWriter();
            CommandLine cli = new CommandLine(new SimCommand()).setOut(new PrintWriter(out, true));
            String ca = rps.writeCa(dir).toString();
            Thread sim = Thread.ofVirtual().start(() -> cli.execute("--unprovisioned", "--activate",
                    rps.uri().toString(), "--profile", "lab-ccm", "--ca", ca));
            try {
                JsonNode first = rps.next();
                assertThat(first.get("method").asText()).isEqualTo("activate --profile lab-ccm");
                rps.activateClientControl(first, "Lab-Adm1n!pass");
                for (int i = 0; i < 100 && !out.toString().contains("Press Ctrl-C"); i++) {
                    Thread.sleep(100);
                }
                assertThat(out.toString()).contains("sim-1: success - Client control mode.; network: Wired Network "
                        + "Configured").contains("1 of 1 device(s) activated.");
            } finally {
                sim.interrupt();
                sim.join(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void activationNeedsAProfileUnprovisionedDevicesAndOneTrustOption() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand()).setErr(new PrintWriter(err));
        assertThat(cli.execute("--unprovisioned", "--activate", "wss://127.0.0.1:1/activate")).isEqualTo(2);
        assertThat(err.toString()).contains("--activate needs --profile NAME");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("--activate", "wss://127.0.0.1:1/activate", "--profile", "p")).isEqualTo(2);
        assertThat(err.toString()).contains("--activate needs unprovisioned devices");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("--unprovisioned", "--activate", "wss://127.0.0.1:1/activate", "--profile", "p",
                "--ca", "x.pem", "--fingerprint", "00")).isEqualTo(2);
        assertThat(err.toString()).contains("give --ca or --fingerprint, not both");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("--unprovisioned", "--activate", "https://127.0.0.1:1/activate", "--profile", "p"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--activate takes a websocket URL");
    }

    @Test
    void ciraNeedsItsAccountAndTheListenersFingerprint() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand()).setErr(new PrintWriter(err));
        assertThat(cli.execute("--cira", "127.0.0.1:4433")).isEqualTo(2);
        assertThat(err.toString()).contains("--cira needs --cira-user, --cira-password-file and --cira-pin");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("--cira", "127.0.0.1")).isEqualTo(2);
        assertThat(err.toString()).contains("--cira takes HOST:PORT");

        err.getBuffer().setLength(0);
        assertThat(cli.execute("--cira", "127.0.0.1:4433", "--cira-user", "u", "--cira-password-file", "f",
                "--cira-pin", "12:34")).isEqualTo(2);
        assertThat(err.toString()).contains("--cira-pin is a SHA-256");
    }
}
