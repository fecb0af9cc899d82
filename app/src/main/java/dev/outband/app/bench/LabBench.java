package dev.outband.app.bench;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.StartRequest;
import dev.outband.app.lab.CallHome;
import dev.outband.app.lab.JobResult;
import dev.outband.app.lab.TlsSetup;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.simulator.cira.MpsCaller;
import dev.outband.simulator.device.DeviceFleet;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code outband bench lab}: Turn TLS on, then Call this laptop, on a fleet of virtual devices at once,
 * through the console's own jobs (store, lab CA, connections, the lab listener). The devices run in this
 * process, so the process's CPU time includes theirs; the RSA key generation they do and the signing the
 * lab CA does are timed apart, so the console's own share can be told.
 */
public final class LabBench {
    private static final String USER = "admin";
    private static final String PASSWORD = "P@ssw0rd!";
    private static final int SAMPLES = 10;

    private LabBench() {
    }

    public static void run(int count, PrintWriter out) throws Exception {
        Path home = Files.createTempDirectory("outband-bench-lab");
        List<MpsCaller> callers = new ArrayList<>();
        try (DeviceFleet fleet = DeviceFleet.start(count, 0, USER, PASSWORD, null, Duration.ofSeconds(1));
             DeviceStore store = DeviceStore.open(home, () -> null);
             LabListener listener = new LabListener(ListenerSettings.defaults()
                     .withBindAddress(InetAddress.getLoopbackAddress()))) {
            fleet.members().forEach(m -> callers.add(MpsCaller.attach(m.device())));
            LabAuthority ca = new LabAuthority(home, store.secrets(), Clock.systemUTC());
            ca.create("Outband bench lab root");
            listener.attach(store);
            listener.start(new StartRequest(0, "", null, null));
            Map<String, DeviceFleet.Member> byName = new HashMap<>();
            fleet.members().forEach(m -> byName.put(m.device().name(), m));
            DeviceConnections connections = new DeviceConnections(DeviceConnections.Ports.of(
                    d -> d.tls() == TlsMode.NONE ? byName.get(d.name()).ports().httpPort()
                            : byName.get(d.name()).ports().tlsPort(),
                    d -> byName.get(d.name()).ports().kvmPort()), listener).trusting(LabAuthority.trustedRoots(home));
            store.devices().insertAll(fleet.members().stream()
                    .map(m -> new DeviceDraft(m.device().name(), "127.0.0.1", USER, PASSWORD, false, List.of("bench"))
                            .toDevice(null, store.devices()::seal)).toList());

            Timed tls = timed(() -> new TlsSetup(connections, store.devices(), ca, Clock.systemUTC())
                    .enable(sorted(store), TlsSetup.Options.defaults(), r -> { }));
            Timed call = timed(() -> new CallHome(connections, ca, new CiraAccounts(store.secrets()),
                    uuid -> connections.tunnelOpen(uuid.toString()), Clock.systemUTC())
                    .setUp(sorted(store), CallHome.Options.to("127.0.0.1", listener.port())
                            .withWaitForCall(Duration.ofMinutes(5)), r -> { }));
            double keygen = averageKeyGeneration();
            double sign = averageSigning(ca);
            out.printf("Lab jobs on %d virtual devices at once (devices and console in one process):%n", count);
            report(out, "Turn TLS on", tls);
            report(out, "Call this laptop", call);
            out.printf("  RSA 2048 key generation (each device does one): %.0f ms of CPU each, %.1f s for all%n",
                    keygen, keygen * count / 1000);
            out.printf("  Lab CA signing a device certificate: %.1f ms each, %.2f s for all%n", sign, sign * count / 1000);
            double console = tls.cpuMillis() - keygen * count;
            out.printf("  Turn TLS on without the devices' key generation: %.1f s of CPU over %.1f s of wall time"
                    + " (ratio %.2f; the rest of the devices' work is still inside)%n", console / 1000,
                    tls.millis() / 1000.0, console / tls.millis());
        } finally {
            for (MpsCaller c : callers) {
                c.close();
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Device> sorted(DeviceStore store) {
        return store.devices().findAll().stream()
                .sorted(Comparator.comparingInt(d -> Integer.parseInt(d.name().substring("sim-".length())))).toList();
    }

    private interface Job {
        List<JobResult> run() throws Exception;
    }

    private record Timed(long millis, long cpuMillis, List<JobResult> results) {
    }

    private static Timed timed(Job job) throws Exception {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        List<JobResult> results = job.run();
        return new Timed((System.nanoTime() - start) / 1_000_000, (cpuNanos() - cpu) / 1_000_000, results);
    }

    private static void report(PrintWriter out, String job, Timed t) {
        long ok = t.results().stream().filter(JobResult::ok).count();
        out.printf("  %-17s: %,8d ms wall, %,8d ms CPU (process), %d/%d ok%n", job, t.millis(), t.cpuMillis(), ok,
                t.results().size());
        t.results().stream().filter(r -> !r.ok()).limit(3).forEach(r -> out.printf("    %s: %s%n", r.device(), r.message()));
    }

    private static double averageKeyGeneration() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        long start = threadCpu();
        for (int i = 0; i < SAMPLES; i++) {
            generator.generateKeyPair();
        }
        return (threadCpu() - start) / 1e6 / SAMPLES;
    }

    private static double averageSigning(LabAuthority ca) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair device = generator.generateKeyPair();
        long start = System.nanoTime();
        for (int i = 0; i < SAMPLES; i++) {
            ca.issueDeviceCertificate("sample", device.getPublic(), List.of("127.0.0.1"), Duration.ofDays(1));
        }
        return (System.nanoTime() - start) / 1e6 / SAMPLES;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
