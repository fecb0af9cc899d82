package dev.outband.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(90)
class SimPasswordFileTest {
    @TempDir
    Path folder;

    @Test
    void aSimulatorStartedWithAPasswordFileAcceptsThatPasswordAndNotTheDefault() throws Exception {
        Path file = folder.resolve("sim.pw");
        Files.writeString(file, "Fil3-Passw0rd\nignored second line\n");
        Process sim = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SimCommand.class.getName(),
                "--count", "1", "--base-port", "0", "--password-file", file.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            var out = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).startsWith("NAME");
            String[] row = out.readLine().trim().split("\\s+");
            int http = Integer.parseInt(row[3]);

            AmtClient right = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", http,
                    new DigestCredentials("admin", "Fil3-Passw0rd")));
            assertThat(right.identity().read().uuid().toString()).isEqualTo(row[1]);
            AmtClient old = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", http,
                    new DigestCredentials("admin", "P@ssw0rd!")));
            assertThatThrownBy(() -> old.identity().read()).isInstanceOf(WsmanException.CredentialsRejected.class);
        } finally {
            sim.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void bothPasswordOptionsAtOnceAreAUsageErrorAndTheOldOneIsHiddenFromHelp() throws Exception {
        Path file = folder.resolve("sim.pw");
        Files.writeString(file, "x\n");
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimCommand()).setErr(new PrintWriter(err)).setOut(new PrintWriter(out));

        assertThat(cli.execute("--password", "y", "--password-file", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("give --password-file or --password, not both");
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("--password-file=FILE").doesNotContain("--password=");
    }
}
