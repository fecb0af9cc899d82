package dev.outband.app.cli;

import dev.outband.app.bench.ApiBench;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code outband bench api}: the listener's MPS API against direct tunnels on many simulated CIRA devices. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Simulated devices over CIRA: list all through the listener's MPS API, then every power state"
                + " in parallel through the API and straight through the tunnels; wall times and their ratio.")
final class ApiBenchCommand extends FleetBenchCommand {
    @Override
    void run(int count, PrintWriter out) throws Exception {
        ApiBench.run(count, out);
    }
}
