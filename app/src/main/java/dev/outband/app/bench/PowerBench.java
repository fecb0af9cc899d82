package dev.outband.app.bench;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceStore;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.amt.power.PowerAction;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code outband bench power}: one power action on a fleet of virtual devices through the product's own
 * path (a store in a fresh data folder, {@link DeviceConnections}, {@link PowerRun} with its cooldown and
 * read-back), all at once versus one after another. One after another is measured on a sample of the
 * devices and extrapolated, since at 50 ms per reply a thousand devices in a row take many minutes.
 */
public final class PowerBench {
    private static final String USER = "admin";
    private static final String PASSWORD = "P@ssw0rd!";
    /** Devices the JIT warms on before anything is timed, with no added latency. */
    private static final int WARM_UP_DEVICES = 50;

    /** What to run: fleet size, delay per reply, devices timed one after another, and the action. */
    public record Plan(int devices, Duration latency, int sequentialSample, PowerAction action) {
        public Plan {
            if (devices < 1 || sequentialSample < 1 || sequentialSample > devices) {
                throw new IllegalArgumentException("need 1 ≤ sample ≤ devices");
            }
        }
    }

    /**
     * Wall time of one run, the CPU time the whole process (console code and simulated devices alike) used
     * meanwhile, the HTTP requests the devices received, and how many devices reported success.
     */
    public record Run(int devices, long millis, long cpuMillis, long requests, int succeeded) {
    }

    private PowerBench() {
    }

    public static void run(Plan plan, PrintWriter out) throws Exception {
        Path home = Files.createTempDirectory("outband-bench-power");
        try (DeviceFleet fleet = DeviceFleet.start(plan.devices(), 0, USER, PASSWORD, null, Duration.ofSeconds(1));
             DeviceStore store = DeviceStore.open(home, () -> null)) {
            List<Device> devices = storeFleet(store.devices(), fleet);
            Map<String, Integer> ports = new HashMap<>();
            fleet.members().forEach(m -> ports.put(m.device().name(), m.ports().httpPort()));
            DeviceConnections connections = new DeviceConnections(d -> ports.get(d.name()));

            perform(plan.action(), devices.subList(0, Math.min(WARM_UP_DEVICES, devices.size())), fleet, connections, 0,
                    store.devices());
            fleet.members().forEach(m -> m.device().hooks().delay(plan.latency()));
            Run sequential = sequential(plan.action(), devices.subList(0, plan.sequentialSample()), fleet, connections, 1,
                    store.devices());
            Instant parallelStart = Instant.now();
            Run parallel = perform(plan.action(), devices, fleet, connections, 2, store.devices());
            long readBack = store.devices().findAll().stream()
                    .filter(d -> d.state().lastSeen() != null && !d.state().lastSeen().isBefore(parallelStart)
                            && d.state().powerState() != null)
                    .count();
            print(out, plan, sequential, parallel, readBack);
        } finally {
            deleteTree(home);
        }
    }

    /** Stores the fleet as an import would (sealed passwords, one transaction) and reads it back as the console does. */
    private static List<Device> storeFleet(DeviceRepository repository, DeviceFleet fleet) {
        repository.insertAll(fleet.members().stream()
                .map(m -> new DeviceDraft(m.device().name(), "127.0.0.1", USER, PASSWORD, false, List.of("bench"))
                        .toDevice(null, repository::seal))
                .toList());
        return repository.findAll().stream()
                .sorted(Comparator.comparingInt(d -> Integer.parseInt(d.name().substring("sim-".length()))))
                .toList();
    }

    /** All devices at once, as the Power menu and {@code outband power} run them: one PowerRun, fresh connections. */
    private static Run perform(PowerAction action, List<Device> devices, DeviceFleet fleet,
                               DeviceConnections connections, int phase, DeviceRepository repository)
            throws InterruptedException {
        HttpClients.evictIdleConnections();
        PowerRun run = new PowerRun(connections, repository, phaseClock(phase));
        long before = requests(fleet);
        long cpu = cpuNanos();
        long start = System.nanoTime();
        List<PowerRun.Result> results = run.perform(action, devices, r -> { });
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(devices.size(), millis, (cpuNanos() - cpu) / 1_000_000, requests(fleet) - before,
                (int) results.stream().filter(PowerRun.Result::ok).count());
    }

    /** The same path, one device after another, each as a run of its own. */
    private static Run sequential(PowerAction action, List<Device> devices, DeviceFleet fleet,
                                  DeviceConnections connections, int phase, DeviceRepository repository)
            throws InterruptedException {
        HttpClients.evictIdleConnections();
        PowerRun run = new PowerRun(connections, repository, phaseClock(phase));
        long before = requests(fleet);
        long cpu = cpuNanos();
        long start = System.nanoTime();
        int ok = 0;
        for (Device d : devices) {
            ok += run.perform(action, List.of(d), r -> { }).getFirst().ok() ? 1 : 0;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(devices.size(), millis, (cpuNanos() - cpu) / 1_000_000, requests(fleet) - before, ok);
    }

    /**
     * The cooldown is kept with each device in the store, so the devices warmed up or timed one after
     * another would be refused in the next phase: each phase runs one cooldown later on the clock.
     */
    private static Clock phaseClock(int phase) {
        return Clock.offset(Clock.systemUTC(), PowerRun.COOLDOWN.plusSeconds(1).multipliedBy(phase));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long requests(DeviceFleet fleet) {
        return fleet.members().stream().mapToLong(m -> m.device().hooks().requests()).sum();
    }

    private static void print(PrintWriter out, Plan plan, Run sequential, Run parallel, long readBack) {
        long extrapolated = sequential.millis() * plan.devices() / sequential.devices();
        out.printf("Power action '%s' on %d virtual devices through PowerRun (store, connections, cooldown,"
                + " read-back), %d ms added per reply:%n", plan.action().name().toLowerCase(Locale.ROOT),
                plan.devices(), plan.latency().toMillis());
        out.printf("  all at once          : %,8d ms  %,7d requests (%.1f per device)  %d/%d ok, %d states read back"
                        + " into the store%n", parallel.millis(), parallel.requests(),
                parallel.requests() / (double) parallel.devices(), parallel.succeeded(), parallel.devices(), readBack);
        out.printf("                         %,8d ms CPU (console code and simulator, %d cores; %.2f ms per request)%n",
                parallel.cpuMillis(), Runtime.getRuntime().availableProcessors(),
                parallel.cpuMillis() / (double) Math.max(1, parallel.requests()));
        out.printf("  one after another    : %,8d ms  %,7d requests  %d/%d ok (measured on %d devices)%n",
                sequential.millis(), sequential.requests(), sequential.succeeded(), sequential.devices(),
                sequential.devices());
        out.printf("                         %,8d ms CPU (%.2f ms per request)%n", sequential.cpuMillis(),
                sequential.cpuMillis() / (double) Math.max(1, sequential.requests()));
        out.printf("  … for all %,5d      : %,8d ms  (extrapolated: %d × %d / %d)%n", plan.devices(), extrapolated,
                sequential.millis(), plan.devices(), sequential.devices());
        out.printf("  speed-up             : %8.1fx%n", extrapolated / (double) Math.max(1, parallel.millis()));
        out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
