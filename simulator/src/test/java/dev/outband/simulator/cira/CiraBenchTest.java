package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.bench.CiraBenchCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(60)
class CiraBenchTest {
    @Test
    void theBenchCommandConnectsASwarmInAnotherJvmAndReportsItsCost() {
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new CiraBenchCommand()).setOut(new PrintWriter(out))
                .execute("--devices", "20", "--idle-seconds", "1", "--in-flight", "8");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("devices requested 20, connected 20").contains("KiB per device");
    }
}
