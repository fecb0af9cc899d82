package dev.outband.simulator.bench;

import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
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
            System.out.printf("Get AMT_GeneralSettings, one device, %d s each:%n", seconds);
            System.out.printf("  1 client : %,10.0f requests/s%n", serial);
            System.out.printf("  %d clients: %,10.0f requests/s%n", clients, parallel);
        }
        try (DeviceFleet fleet = DeviceFleet.start(devices, 0, USER, PASSWORD, null, Duration.ofSeconds(1))) {
            fleet.members().forEach(m -> m.device().hooks().delay(Duration.ofMillis(latencyMs)));
            List<AmtClient> all = fleet.members().stream().map(WsmanBench::client).toList();
            warmUp(all.getFirst());
            long sequential = timeSequential(all);
            long parallel = timeParallel(all);
            System.out.printf("Power state of %d devices (401+Enumerate+Pull+Get each, %d ms added per reply):%n",
                    devices, latencyMs);
            System.out.printf("  one after another  : %,8d ms%n", sequential);
            System.out.printf("  virtual threads    : %,8d ms%n", parallel);
            System.out.printf("  speed-up           : %8.1fx%n", sequential / (double) Math.max(1, parallel));
        }
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
