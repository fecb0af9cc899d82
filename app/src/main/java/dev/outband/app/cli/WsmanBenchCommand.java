package dev.outband.app.cli;

import dev.outband.simulator.bench.WsmanBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outband bench wsman}: the WS-Man client against simulated devices on loopback. */
@Command(name = "wsman", mixinStandardHelpOptions = true,
        description = "Requests/s against one simulated device, and the power state of many devices read in parallel"
                + " versus one after another.")
final class WsmanBenchCommand implements Callable<Integer> {
    @Option(names = "--seconds", defaultValue = "5", description = "Duration of each one-device run (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--devices", defaultValue = "1000", description = "Devices in the fleet run (default ${DEFAULT-VALUE}).")
    int devices;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients on one device (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Delay added to every reply, standing in for a network.")
    int latencyMs;

    @Override
    public Integer call() throws Exception {
        WsmanBench.run(seconds, devices, clients, latencyMs);
        return ExitCode.OK;
    }
}
