package dev.outband.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A benchmark over a fleet of 1 to 1,000 virtual devices in this process: {@code --devices N}, results printed. */
abstract class FleetBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--devices", defaultValue = "100", description = "Virtual devices (default ${DEFAULT-VALUE}).")
    int devices;

    abstract void run(int count, PrintWriter out) throws Exception;

    @Override
    public Integer call() throws Exception {
        if (devices < 1 || devices > 1000) {
            throw new UserException("--devices must be 1..1000");
        }
        run(devices, spec.commandLine().getOut());
        return ExitCode.OK;
    }
}
