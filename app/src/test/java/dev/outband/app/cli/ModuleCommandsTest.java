package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class ModuleCommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(args, new CliContext(Map.of(), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(out), new PrintWriter(err)));
    }

    @ParameterizedTest(name = "outband {0} --help describes {1}")
    @CsvSource({
            "sim, --base-port",
            "cira listen, --port",
            "vnc screenshot, --password-file",
            "bench wsman, --latency-ms",
            "bench power, --sequential-sample",
            "bench cira, --devices"})
    void eachModulesCommandIsReachableFromOutband(String command, String option) {
        String[] args = (command + " --help").split(" ");

        assertThat(run(args)).isZero();
        assertThat(out.toString()).contains(option);
    }

    @Test
    void aGroupWithoutASubcommandListsItsSubcommands() {
        assertThat(run("bench")).isZero();
        assertThat(out.toString()).contains("wsman").contains("cira");
    }
}
