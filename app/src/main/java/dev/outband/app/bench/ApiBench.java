package dev.outband.app.bench;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.api.ApiSettings;
import dev.outband.app.api.ListenerApi;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.StartRequest;
import dev.outband.app.remote.DeviceFilter;
import dev.outband.app.remote.RemoteDeviceRow;
import dev.outband.app.remote.RemoteSettings;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.remote.SourceListing;
import dev.outband.app.store.Device;
import dev.outband.app.store.RemoteSource;
import java.net.URI;
import java.time.Clock;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.cira.CiraClientSettings;
import dev.outband.simulator.cira.ForwardedPorts;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code outband bench api}: virtual devices calling the lab listener over CIRA, the listener's MPS API on
 * loopback, reached as a remote source with the console's own client. Lists every device through the API in pages,
 * then reads every power state in parallel through the API, and the same power states straight through the
 * tunnels without it; wall times and their ratio.
 */
public final class ApiBench {
    private static final String AMT_USER = "admin";
    private static final String AMT_PASSWORD = "P@ssw0rd!";
    private static final String CIRA_USER = "bench-cira";
    private static final String CIRA_PASSWORD = "Bench-Cira-1";
    private static final String API_PASSWORD = "Bench-Api-1";
    private static final Duration CONNECT_DEADLINE = Duration.ofMinutes(5);
    private static final int ROUNDS = 3;

    private ApiBench() {
    }

    public static void run(int count, PrintWriter out) throws Exception {
        Path home = Files.createTempDirectory("outband-bench-api");
        List<CiraClient> clients = new ArrayList<>();
        try (DeviceStore store = DeviceStore.open(home, () -> null);
             LabListener listener = new LabListener(ListenerSettings.defaults()
                     .withBindAddress(InetAddress.getLoopbackAddress()))) {
            listener.attach(store);
            listener.start(new StartRequest(0, CIRA_USER, CIRA_PASSWORD.toCharArray(), null));
            List<VirtualDevice> virtual = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                virtual.add(new VirtualDevice(DeviceConfig.of("sim-" + i, AMT_USER, AMT_PASSWORD).withOptInRequired(0)));
            }
            store.devices().insertAll(virtual.stream().map(v -> new Device(null, v.name(), "127.0.0.1", List.of("bench"),
                    AMT_USER, store.devices().seal(AMT_PASSWORD), TlsMode.NONE, null, Reach.cira(v.uuid().toString()),
                    DeviceState.UNKNOWN)).toList());
            long connectStart = System.nanoTime();
            for (VirtualDevice v : virtual) {
                clients.add(call(listener, v));
            }
            for (CiraClient client : clients) {
                if (!client.awaitForwarding(CONNECT_DEADLINE)) {
                    throw new IOException("a virtual device did not reach port forwarding within " + CONNECT_DEADLINE);
                }
            }
            out.printf("%d virtual devices connected over CIRA in %,d ms%n", count, millisSince(connectStart));
            DeviceConnections connections = new DeviceConnections(d -> 1, listener);
            try (ListenerApi api = ListenerApi.start(ApiSettings.defaults().withBind(InetAddress.getLoopbackAddress(), 0)
                    .withLimits(ApiSettings.DEFAULT_MAX_BODY_BYTES, ApiSettings.DEFAULT_REQUEST_DEADLINE.multipliedBy(4),
                            ApiSettings.DEFAULT_MAX_RELAYS), API_PASSWORD.toCharArray(), listener, store, connections)) {
                // The API is reached as a technician's console reaches a remote MPS: a source in the store, the
                // console's own client (login, paging, JSON) behind ManagedDevice.
                store.sources().insert(new RemoteSource(null, "laptop", URI.create(api.url()), ApiSettings.DEFAULT_USER,
                        store.sources().seal(API_PASSWORD), RemoteSource.Trust.SYSTEM, null));
                RemoteSources remote = new RemoteSources(store.sources()::findAll, List::of, RemoteSettings.defaults(),
                        Clock.systemUTC());
                DeviceConnections throughApi = connections.serving(remote);
                List<Device> devices = store.devices().findAll();

                long listStart = System.nanoTime();
                SourceListing listing = remote.listAll(DeviceFilter.ALL).getFirst();
                long listMillis = millisSince(listStart);
                if (!listing.ok()) {
                    throw listing.error();
                }
                List<Device> listed = listing.devices().stream().map(RemoteDeviceRow::device).toList();
                out.printf("List all %d devices through the API, %d a page: %,d ms%n", listed.size(),
                        RemoteSettings.defaults().pageSize(), listMillis);
                Probe<Device> viaApi = d -> throughApi.device(d).powerState() != null;
                Probe<Device> viaTunnel = d -> connections.device(d).powerState() != null;

                // One untimed round warms both paths (class loading, JIT, each tunnel's first channel).
                parallel(devices, viaTunnel);
                parallel(listed, viaApi);
                // Rounds alternate, and medians are compared: other work on the machine moves single rounds a lot.
                List<Long> apiMillis = new ArrayList<>();
                List<Long> tunnelMillis = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    Timed api1 = parallel(listed, viaApi);
                    Timed direct = parallel(devices, viaTunnel);
                    out.printf("Round %d, power state of all in parallel: through the API %,d ms (%d/%d ok),"
                            + " through the tunnels %,d ms (%d/%d ok)%n", round, api1.millis(), api1.ok(),
                            listed.size(), direct.millis(), direct.ok(), devices.size());
                    apiMillis.add(api1.millis());
                    tunnelMillis.add(direct.millis());
                }
                long apiMedian = median(apiMillis);
                long directMedian = median(tunnelMillis);
                out.printf("Median: through the API %,d ms, through the tunnels %,d ms; API / direct: %.2f× (goal ≤ 1.5×)%n",
                        apiMedian, directMedian, (double) apiMedian / Math.max(1, directMedian));
            }
        } finally {
            for (CiraClient c : clients) {
                c.close();
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CiraClient call(LabListener listener, VirtualDevice device) throws Exception {
        String pin = Certificates.sha256(listener.certificate().orElseThrow());
        return CiraClient.start(CiraClientSettings.of("127.0.0.1", listener.port(), new DeviceUuid(device.uuid()),
                CIRA_USER, CIRA_PASSWORD.getBytes(StandardCharsets.UTF_8), ForwardedPorts.of(device, null),
                DeviceSslContext.create(new TrustPolicy.Pinned(pin), "127.0.0.1").getSocketFactory()));
    }

    @FunctionalInterface
    private interface Probe<T> {
        boolean test(T item) throws Exception;
    }

    private record Timed(long millis, int ok) {
    }

    private static <T> Timed parallel(List<T> items, Probe<T> probe) throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                pool.submit(() -> {
                    try {
                        if (probe.test(item)) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception failed) {
                        // Counted as not ok; the totals say how many.
                    }
                });
            }
        }
        return new Timed(millisSince(start), ok.get());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
