package dev.outband.cira.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code outband bench cira --devices N}: the app registers this under its {@code bench} command. */
@Command(name = "cira", mixinStandardHelpOptions = true,
        description = "Connect N simulated CIRA devices (in a second JVM) to a local listener and report its cost.")
public final class CiraBenchCommand implements Callable<Integer> {
    private static final String SWARM_MAIN = "dev.outband.simulator.cira.CiraSwarm";

    @Spec
    CommandSpec spec;

    @Option(names = "--devices", description = "Simulated devices (default: ${DEFAULT-VALUE}).")
    int devices = 1000;

    @Option(names = "--idle-seconds", description = "Idle keep-alive window for the CPU figure (default: ${DEFAULT-VALUE}).")
    int idleSeconds = 60;

    @Option(names = "--in-flight", description = "TLS handshakes at once while ramping up (default: ${DEFAULT-VALUE}).")
    int inFlight = 32;

    @Option(names = "--connect-minutes", description = "Time allowed for the ramp (default: ${DEFAULT-VALUE}).")
    int connectMinutes = 15;

    @Option(names = "--swarm-classpath",
            description = "Class path holding the simulator (default: this JVM's class path).")
    String swarmClasspath = System.getProperty("java.class.path");

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String java = ProcessHandle.current().info().command().orElse("java");
        // Small stacks: the swarm runs two virtual threads per device but few carrier threads.
        List<String> swarm = List.of(java, "-Xss256k", "-cp", swarmClasspath, SWARM_MAIN);
        CiraBench.Report report = CiraBench.run(new CiraBench.Options(devices, swarm,
                Duration.ofMinutes(connectMinutes), Duration.ofSeconds(idleSeconds), inFlight), out);
        out.println(report.describe());
        out.flush();
        return report.connected() == devices ? 0 : 1;
    }
}
