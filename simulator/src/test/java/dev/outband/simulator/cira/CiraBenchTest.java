package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.bench.CiraBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CiraBenchTest {
    @Test
    void theBenchConnectsASwarmInAnotherJvmAndReportsItsCost() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> swarm = List.of(java, "-cp", System.getProperty("java.class.path"), CiraSwarm.class.getName());
        StringWriter progress = new StringWriter();

        CiraBench.Report report = CiraBench.run(new CiraBench.Options(20, swarm, Duration.ofSeconds(40),
                Duration.ofSeconds(1), 8), new PrintWriter(progress));

        assertThat(report.connected()).isEqualTo(20);
        assertThat(report.rampTime()).isPositive();
        assertThat(report.describe()).contains("connected 20");
    }
}
