package dev.outband.app.bench;

import dev.outband.app.activation.ActivationContext;
import dev.outband.app.activation.ActivationProgress;
import dev.outband.app.activation.ActivationServer;
import dev.outband.app.activation.ActivationSettings;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.StartRequest;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.simulator.activation.ActivationClient;
import dev.outband.simulator.activation.ActivationResult;
import dev.outband.simulator.cira.MpsCaller;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * A virtual lab for activation, all on loopback in this process: a store in a temporary data folder with a lab CA,
 * the lab listener, the activation server, and unprovisioned virtual devices that the simulator's activation
 * client (rpc-go's behaviour) activates through the server, each on its own virtual thread. Used by
 * {@code outband bench activation} and the end-to-end tests.
 */
public final class ActivationLab implements AutoCloseable {
    /** What the virtual devices are born with; they drop it when activated. */
    private static final String BIRTH_PASSWORD = "Birth-P@ssw0rd1";
    public static final String API_KEY = "bench-activation-key";

    private final Path home;
    private final DeviceStore store;
    private final LabListener listener;
    private final DeviceFleet fleet;
    private final List<MpsCaller> callers = new ArrayList<>();
    private final DeviceConnections connections;
    private final ActivationServer server;
    private final X509Certificate root;

    private ActivationLab(Path home, DeviceStore store, LabListener listener, DeviceFleet fleet,
                          DeviceConnections connections, ActivationServer server, X509Certificate root) {
        this.home = home;
        this.store = store;
        this.listener = listener;
        this.fleet = fleet;
        this.connections = connections;
        this.server = server;
        this.root = root;
        fleet.members().forEach(m -> callers.add(MpsCaller.attach(m.device())));
    }

    /** {@code count} unprovisioned devices and a server whose sessions report to {@code progress}. */
    public static ActivationLab start(int count, ActivationProgress.Listener progress) throws Exception {
        Path home = Files.createTempDirectory("outband-activation-lab");
        DeviceStore store = null;
        LabListener listener = null;
        DeviceFleet fleet = null;
        try {
            store = DeviceStore.open(home, () -> null);
            LabAuthority ca = new LabAuthority(home, store.secrets(), Clock.systemUTC());
            X509Certificate root = ca.create("Outband activation lab root");
            listener = new LabListener(ListenerSettings.defaults().withBindAddress(InetAddress.getLoopbackAddress()));
            listener.attach(store);
            listener.start(new StartRequest(0, "", null, null));
            fleet = DeviceFleet.start(count, 0, "admin", BIRTH_PASSWORD, null, Duration.ofSeconds(1), i -> true);
            Map<String, DeviceFleet.Member> members = new HashMap<>();
            fleet.members().forEach(m -> members.put(m.device().name(), m));
            DeviceConnections connections = new DeviceConnections(DeviceConnections.Ports.of(
                    d -> d.tls() == TlsMode.NONE ? members.get(d.name()).ports().httpPort()
                            : members.get(d.name()).ports().tlsPort(),
                    d -> members.get(d.name()).ports().kvmPort()), listener)
                    .trusting(LabAuthority.trustedRoots(home));
            ActivationContext context = new ActivationContext(store, ActivationContext.Lab.of(store, connections,
                    Clock.systemUTC()), ActivationContext.Deactivated.REMOVE, Duration.ZERO, Clock.systemUTC());
            ActivationServer server = ActivationServer.start(ActivationSettings.defaults(InetAddress.getLoopbackAddress())
                            .withPort(0), ca.issueListenerIdentity("127.0.0.1", List.of("127.0.0.1")),
                    API_KEY.toCharArray(), context, progress);
            return new ActivationLab(home, store, listener, fleet, connections, server, root);
        } catch (Exception e) {
            if (fleet != null) {
                fleet.close();
            }
            if (listener != null) {
                listener.close();
            }
            if (store != null) {
                store.close();
            }
            delete(home);
            throw e;
        }
    }

    /** A client control profile: the password given, TLS from the lab CA and call home to this lab's listener. */
    public ActivationProfile ccmWithTlsAndCallHome(String name, String password) {
        return store.profiles().save(new ActivationProfile(null, name, ActivationProfile.ControlMode.CCM,
                store.profiles().seal(password), null, null, null, null, true, "127.0.0.1", listener.port(),
                ActivationProfile.Consent.ALL, true, true, true, ActivationProfile.Network.DHCP));
    }

    /** A client control profile with the password given and nothing more. */
    public ActivationProfile clientControl(String name, String password) {
        return store.profiles().save(new ActivationProfile(null, name, ActivationProfile.ControlMode.CCM,
                store.profiles().seal(password), null, null, null, null, false, null, 4433,
                ActivationProfile.Consent.ALL, true, true, true, ActivationProfile.Network.DHCP));
    }

    public URI url() {
        return URI.create("wss://127.0.0.1:" + server.port() + "/activate?key=" + API_KEY);
    }

    /** Runs the simulator's client for every device at once and returns each result, in device order. */
    public List<ActivationResult> runAll(ActivationClient.Command command, URI url) throws Exception {
        try (ActivationClient client = client(); ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ActivationResult>> running = new ArrayList<>();
            for (DeviceFleet.Member m : fleet.members()) {
                running.add(threads.submit(() -> run(client, m, command, url)));
            }
            List<ActivationResult> results = new ArrayList<>();
            for (Future<ActivationResult> f : running) {
                results.add(f.get());
            }
            return results;
        }
    }

    /** Runs the simulator's client for device {@code index} (from 0) alone. */
    public ActivationResult runOne(int index, ActivationClient.Command command, URI url) throws Exception {
        try (ActivationClient client = client()) {
            return run(client, fleet.members().get(index), command, url);
        }
    }

    private ActivationClient client() {
        SSLContext trust = DeviceSslContext.create(new TrustPolicy.TrustedRoots(List.of(root)), "127.0.0.1");
        return new ActivationClient(dev.outband.simulator.activation.ActivationSettings.defaults(), trust, null, null);
    }

    private static ActivationResult run(ActivationClient client, DeviceFleet.Member m, ActivationClient.Command command,
                                        URI url) {
        return client.run(m.device(), new InetSocketAddress(InetAddress.getLoopbackAddress(), m.ports().httpPort()),
                url, command);
    }

    public DeviceStore store() {
        return store;
    }

    public DeviceConnections connections() {
        return connections;
    }

    public DeviceFleet fleet() {
        return fleet;
    }

    public LabListener listener() {
        return listener;
    }

    public X509Certificate root() {
        return root;
    }

    public ActivationServer server() {
        return server;
    }

    /** The stored devices in fleet order (sim-1, sim-2, …). */
    public List<Device> storedDevices() {
        return store.devices().findAll().stream()
                .sorted(Comparator.comparingInt(d -> Integer.parseInt(d.name().replaceAll("\\D", "")))).toList();
    }

    @Override
    public void close() {
        server.close();
        callers.forEach(MpsCaller::close);
        fleet.close();
        listener.close();
        store.close();
        delete(home);
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
