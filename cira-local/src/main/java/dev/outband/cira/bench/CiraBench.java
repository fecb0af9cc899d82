package dev.outband.cira.bench;

import dev.outband.cira.ca.LabCertificateAuthority;
import dev.outband.cira.ca.Pem;
import dev.outband.cira.listener.CiraCredentialCheck;
import dev.outband.cira.listener.CiraListener;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.cira.listener.ServerIdentity;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * {@code outband bench cira --devices N}: one listener in this JVM, N simulated CIRA devices in a
 * separate JVM (the simulator's {@code CiraSwarm}), and the listener's cost per connected device.
 */
public final class CiraBench {
    private static final String USER = "bench";
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private CiraBench() {
    }

    /**
     * @param swarmCommand  the command that starts {@code CiraSwarm}, e.g. {@code java -cp … CiraSwarm};
     *                      the bench appends the connection arguments
     * @param connectWithin how long the ramp may take
     * @param idleWindow    how long to measure CPU while devices only exchange keep-alives
     * @param inFlight      TLS handshakes the swarm runs at once
     */
    public record Options(int devices, List<String> swarmCommand, Duration connectWithin, Duration idleWindow,
                          int inFlight) {
        public Options {
            swarmCommand = List.copyOf(swarmCommand);
            Objects.requireNonNull(connectWithin);
            Objects.requireNonNull(idleWindow);
        }
    }

    /**
     * @param listenerCpuPercent CPU of the listener JVM during the idle window, in percent of one core
     * @param swarmCpuPercent    the same for the device JVM
     */
    public record Report(int requested, int connected, Duration rampTime, long heapBytesPerDevice,
                         double listenerCpuPercent, double swarmCpuPercent, long keepAliveInterval) {
        public String describe() {
            return String.format("devices requested %d, connected %d in %d s; listener heap %.1f KiB per device;"
                            + " idle CPU (keep-alive every %d s): listener %.1f %% of a core, swarm %.1f %%",
                    requested, connected, rampTime.toSeconds(), heapBytesPerDevice / 1024.0, keepAliveInterval,
                    listenerCpuPercent, swarmCpuPercent);
        }
    }

    public static Report run(Options options, PrintWriter progress) throws Exception {
        Path work = Files.createTempDirectory("outband-cira-bench");
        byte[] password = Base64.getEncoder().encode(new SecureRandom().generateSeed(18));
        Path passwordFile = Files.write(work.resolve("password"), password);
        ServerIdentity identity = LabCertificateAuthority.selfSignedIdentity("bench", List.of("127.0.0.1"));
        Path certificate = Files.writeString(work.resolve("listener.crt"),
                Pem.certificates(List.of(identity.certificate())));
        ListenerSettings settings = ListenerSettings.defaults().withPort(0)
                .withBindAddress(InetAddress.getLoopbackAddress()).withMaxConnections(options.devices() + 100);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        try (CiraListener listener = CiraListener.start(settings, identity, CiraCredentialCheck.labWide(USER, password))) {
            long baseline = usedHeapAfterGc(memory);
            List<String> command = new ArrayList<>(options.swarmCommand());
            command.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(listener.port()),
                    "--devices", String.valueOf(options.devices()), "--user", USER,
                    "--password-file", passwordFile.toString(), "--trust-cert", certificate.toString(),
                    "--in-flight", String.valueOf(options.inFlight())));
            Process swarm = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream keepSwarmAlive = swarm.getOutputStream()) {
                long start = System.nanoTime();
                int connected = awaitDevices(listener, options, swarm, progress);
                Duration ramp = Duration.ofNanos(System.nanoTime() - start);
                Thread.sleep(SETTLE);
                long heapPerDevice = connected == 0 ? 0 : (usedHeapAfterGc(memory) - baseline) / connected;

                progress.printf("measuring idle CPU for %d s%n", options.idleWindow().toSeconds());
                progress.flush();
                long listenerCpu0 = processCpuNanos();
                long swarmCpu0 = childCpuNanos(swarm);
                long wall0 = System.nanoTime();
                Thread.sleep(options.idleWindow());
                double wall = System.nanoTime() - wall0;
                double listenerCpu = 100.0 * (processCpuNanos() - listenerCpu0) / wall;
                double swarmCpu = 100.0 * (childCpuNanos(swarm) - swarmCpu0) / wall;
                progress.printf("still connected after the idle window: %d%n", listener.connectedDevices().size());
                return new Report(options.devices(), connected, ramp, heapPerDevice, listenerCpu, swarmCpu,
                        settings.keepAliveInterval().toSeconds());
            } finally {
                if (!swarm.waitFor(20, TimeUnit.SECONDS)) {
                    swarm.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            Files.deleteIfExists(passwordFile);
            Files.deleteIfExists(certificate);
            Files.deleteIfExists(work);
        }
    }

    private static int awaitDevices(CiraListener listener, Options options, Process swarm, PrintWriter progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.connectWithin().toNanos();
        int connected = 0;
        while (System.nanoTime() < deadline && swarm.isAlive()) {
            connected = listener.connectedDevices().size();
            progress.printf("connected %d / %d (TLS connections %d)%n", connected, options.devices(),
                    listener.connectionCount());
            progress.flush();
            if (connected >= options.devices()) {
                break;
            }
            Thread.sleep(POLL);
        }
        return connected;
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long childCpuNanos(Process process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Runs {@link CiraBenchCommand} standalone, outside the app. */
    public static void main(String[] args) {
        System.exit(new picocli.CommandLine(new CiraBenchCommand()).execute(args));
    }
}
