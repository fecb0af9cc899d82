package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * 'outband sim --address A --add-to-store' as a technician runs it: devices on loopback addresses of their own with
 * AMT's ports, registered in the store, then reached by the ordinary CLI with no port plan at all.
 */
@Timeout(90)
class VirtualLabTest {
    private static final Duration START_DEADLINE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;

    private CliContext context(StringWriter o, StringWriter e) {
        return new CliContext(Map.of("OUTBAND_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintWriter(o, true), new PrintWriter(e, true));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, context(out, err));
    }

    @Test
    void aLabOnItsOwnAddressesIsStoredAndAnswersInfo() throws Exception {
        try (RunningSim sim = sim("--count", "3", "--address", "127.0.0.20", "--add-to-store")) {
            assertThat(sim.output()).contains("Added 3 devices to the store");
            assertThat(run("devices", "list")).isZero();
            assertThat(out.toString()).contains("127.0.0.20 ").contains("127.0.0.21 ").contains("127.0.0.22 ")
                    .doesNotContain("127.0.0.20:");
            for (String name : new String[] {"sim-1", "sim-2", "sim-3"}) {
                assertThat(run("info", name, "--json")).as(err.toString()).isZero();
                assertThat(new ObjectMapper().readTree(out.toString()).get("uuid").asText()).isNotBlank();
            }
        }
    }

    @Test
    void aTlsLabIsStoredWithItsCertificatePinnedAndReachedOverTls() throws Exception {
        try (RunningSim sim = sim("--count", "2", "--address", "127.0.0.24", "--tls", "--add-to-store")) {
            assertThat(sim.output()).contains("their TLS certificate pinned");
            assertThat(run("devices", "list", "--json")).isZero();
            JsonNode rows = new ObjectMapper().readTree(out.toString());
            assertThat(rows).extracting(r -> r.get("tls").asText()).containsOnly("pinned");
            assertThat(run("info", "sim-2", "--json")).as(err.toString()).isZero();
        }
    }

    private RunningSim sim(String... args) throws InterruptedException {
        return new RunningSim(args).awaitReady();
    }

    /** The sim command on a thread of its own until closed, as Ctrl-C would end it. */
    private final class RunningSim implements AutoCloseable {
        private final Thread thread;
        private final StringWriter simOut = new StringWriter();
        private final StringWriter simErr = new StringWriter();
        private volatile int exit = -1;

        private RunningSim(String... args) {
            String[] full = new String[args.length + 1];
            full[0] = "sim";
            System.arraycopy(args, 0, full, 1, args.length);
            thread = Thread.ofVirtual().start(() -> exit = Cli.run(full, context(simOut, simErr)));
        }

        String output() {
            return simOut.toString();
        }

        private RunningSim awaitReady() throws InterruptedException {
            Instant deadline = Instant.now().plus(START_DEADLINE);
            while (!simOut.toString().contains("Press Ctrl-C") && thread.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(simOut.toString()).as("sim ended with %d: %s", exit, simErr).contains("Press Ctrl-C");
            return this;
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            assertThat(thread.join(Duration.ofSeconds(20))).as("the sim stops when interrupted").isTrue();
        }
    }
}
