package dev.outband.app.cli;

import dev.outband.app.bench.ApiBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outband bench api}: the listener's MPS API against direct tunnels on many simulated CIRA devices. */
@Command(name = "api", mixinStandardHelpOptions = true,
        description = "Simulated devices over CIRA: list all through the listener's MPS API, then every power state"
                + " in parallel through the API and straight through the tunnels; wall times and their ratio.")
final class ApiBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--devices", defaultValue = "100", description = "Virtual devices (default ${DEFAULT-VALUE}).")
    int devices;

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || devices > 1000) {
            throw new UserException("--devices must be 1..1000");
        }
        ApiBench.run(devices, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
