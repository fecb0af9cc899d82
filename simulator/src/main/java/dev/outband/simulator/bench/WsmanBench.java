package dev.outband.simulator.bench;

import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.http.DigestCredentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code outband bench wsman}: WS-Man Get requests per second against one virtual device, and the wall
 * time to read the power state of many devices in parallel (virtual threads) versus one after another.
 * Arguments: [seconds=5] [devices=1000] [clients=8] [latencyMs=0]; latency is added to every reply of the
 * fleet to stand in for a real network, where waiting (not CPU) dominates.
 *
 * <p>Each half of the fleet run starts from new clients and an empty connection pool, so both pay what
 * a first contact pays: a TCP connect and the digest 401 before the first answer. The requests each
 * half made are counted by the simulated devices themselves, not assumed.
 */
public final class WsmanBench {
    private static final String USER = "admin";
    private static final String PASSWORD = "P@ssw0rd!";

    private WsmanBench() {
    }

    public static void main(String[] args) throws Exception {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 5,
                args.length > 1 ? Integer.parseInt(args[1]) : 1000,
                args.length > 2 ? Integer.parseInt(args[2]) : 8,
                args.length > 3 ? Integer.parseInt(args[3]) : 0);
    }

    /** Prints both measurements to standard output. */
    public static void run(int seconds, int devices, int clients, int latencyMs) throws Exception {
        try (DeviceFleet one = DeviceFleet.start(1, 0, USER, PASSWORD, null, Duration.ofSeconds(1))) {
            AmtClient client = client(one.members().getFirst());
            warmUp(client);
            double serial = requestsPerSecond(client, 1, Duration.ofSeconds(seconds));
            double parallel = requestsPerSecond(client, clients, Duration.ofSeconds(seconds));
            System.out.printf("Get AMT_GeneralSettings, one device, one client (nonce already known), %d s each:%n",
                    seconds);
            System.out.printf("  1 thread  : %,10.0f requests/s%n", serial);
            System.out.printf("  %d threads : %,10.0f requests/s%n", clients, parallel);
        }
        try (DeviceFleet fleet = DeviceFleet.start(devices, 0, USER, PASSWORD, null, Duration.ofSeconds(1))) {
            // The JIT warms on a client of its own, so neither half inherits its nonce or connection.
            warmUp(client(fleet.members().getFirst()));
            fleet.members().forEach(m -> m.device().hooks().delay(Duration.ofMillis(latencyMs)));
            Half sequential = measure(fleet, false);
            Half parallel = measure(fleet, true);
            System.out.printf("Power state of %d devices, new client each (TCP connect, 401, then Enumerate+Pull+Get),"
                    + " %d ms added per reply:%n", devices, latencyMs);
            System.out.printf("  one after another  : %,8d ms  %,7d requests%n", sequential.millis(),
                    sequential.requests());
            System.out.printf("  virtual threads    : %,8d ms  %,7d requests%n", parallel.millis(), parallel.requests());
            System.out.printf("  speed-up           : %8.1fx%n",
                    sequential.millis() / (double) Math.max(1, parallel.millis()));
        }
    }

    /** Wall time of one half and the requests the devices received during it. */
    private record Half(long millis, long requests) {
    }

    private static Half measure(DeviceFleet fleet, boolean parallel) throws Exception {
        HttpClients.evictIdleConnections();
        List<AmtClient> fresh = fleet.members().stream().map(WsmanBench::client).toList();
        long before = requests(fleet);
        long millis = parallel ? timeParallel(fresh) : timeSequential(fresh);
        return new Half(millis, requests(fleet) - before);
    }

    private static long requests(DeviceFleet fleet) {
        return fleet.members().stream().mapToLong(m -> m.device().hooks().requests()).sum();
    }

    private static AmtClient client(DeviceFleet.Member m) {
        return AmtClient.connect(DeviceEndpoint.http("127.0.0.1", m.ports().httpPort(),
                new DigestCredentials(USER, PASSWORD)));
    }

    private static void warmUp(AmtClient client) throws WsmanException {
        for (int i = 0; i < 500; i++) {
            client.wsman().get("AMT_GeneralSettings");
        }
    }

    private static double requestsPerSecond(AmtClient client, int threads, Duration duration) throws Exception {
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        client.wsman().get("AMT_GeneralSettings");
                        done.increment();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return done.sum() / ((System.nanoTime() - start) / 1e9);
    }

    private static long timeSequential(List<AmtClient> clients) throws WsmanException {
        long start = System.nanoTime();
        for (AmtClient c : clients) {
            c.power().status();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long timeParallel(List<AmtClient> clients) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> futures = new ArrayList<>();
            for (AmtClient c : clients) {
                futures.add(pool.submit(() -> c.power().status()));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
