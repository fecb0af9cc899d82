package dev.outband.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(20)
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
