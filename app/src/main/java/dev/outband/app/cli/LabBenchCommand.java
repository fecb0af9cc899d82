package dev.outband.app.cli;

import dev.outband.app.bench.LabBench;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code outband bench lab}: Turn TLS on and Call this laptop on many simulated devices at once. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Turn TLS on, then Call this laptop, on simulated devices at once through the console's own jobs"
                + " and lab listener; wall and CPU time, and how much is the devices' key generation and the CA's signing.")
final class LabBenchCommand extends FleetBenchCommand {
    @Override
    void run(int count, PrintWriter out) throws Exception {
        LabBench.run(count, out);
    }
}
