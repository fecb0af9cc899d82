package dev.outband.app.cli;

import dev.outband.app.bench.ActivationBench;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outband bench activation}: many unprovisioned virtual devices activated at once through the activation server. */
@Command(name = "activation", mixinStandardHelpOptions = true,
        description = "Unprovisioned virtual devices activate at once through the activation server, each with the"
                + " simulator's rpc-go-like client; wall time, failures, CPU and heap per activation in flight.")
final class ActivationBenchCommand extends FleetBenchCommand {
    @Option(names = "--tls-call-home", description = "The profile also turns TLS on and calls this laptop home.")
    boolean full;

    @Override
    void run(int count, PrintWriter out) throws Exception {
        ActivationBench.run(count, full, out);
    }
}
