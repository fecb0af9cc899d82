package dev.outband.app.cli;

import dev.outband.app.bench.PowerBench;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code outband bench power}: a bulk power action through the product path against simulated devices. */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "One power action on many simulated devices through the same code as the Power menu and"
                + " 'outband power' (a store in a temporary data folder), all at once versus one after another.")
final class PowerBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--devices", defaultValue = "1000", description = "Virtual devices (default ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--latency-ms", defaultValue = "50",
            description = "Delay added to every reply, standing in for a network (default ${DEFAULT-VALUE}).")
    int latencyMs;

    @Option(names = "--sequential-sample", defaultValue = "20",
            description = "Devices timed one after another; the time for all is extrapolated (default ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--action", defaultValue = "reset", description = "Power action (default ${DEFAULT-VALUE}).")
    String action;

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || devices > 10_000 || sample < 1 || sample > devices) {
            throw new UserException("--devices must be 1..10000 and --sequential-sample 1..devices");
        }
        PowerBench.run(new PowerBench.Plan(devices, Duration.ofMillis(latencyMs), sample, PowerCommand.parse(action)),
                spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
