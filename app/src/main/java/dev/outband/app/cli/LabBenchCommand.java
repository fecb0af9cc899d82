package dev.outband.app.cli;

import dev.outband.app.bench.LabBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outband bench lab}: Turn TLS on and Call this laptop on many simulated devices at once. */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Turn TLS on, then Call this laptop, on simulated devices at once through the console's own jobs"
                + " and lab listener; wall and CPU time, and how much is the devices' key generation and the CA's signing.")
final class LabBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--devices", defaultValue = "100", description = "Virtual devices (default ${DEFAULT-VALUE}).")
    int devices;

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || devices > 1000) {
            throw new UserException("--devices must be 1..1000");
        }
        LabBench.run(devices, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
