package dev.outband.app.cira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.tls.Certificates;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LabListenerTest {
    @TempDir
    Path home;

    @Test
    void aDeviceThatConnectsIsAddedToTheStoreOnceAndAReconnectDoesNotDuplicateIt() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
        List<Device> added = new CopyOnWriteArrayList<>();
        try (DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            listener.onDeviceAdded(added::add);
            listener.start(SimulatedCiraDevice.freePort());
            try (CiraClient client = SimulatedCiraDevice.connect(listener, virtual)) {
                awaitStored(store, virtual);
                client.dropConnection();
                assertThat(client.awaitForwarding(Duration.ofSeconds(20))).isTrue();
                await(() -> client.connectionCount() >= 2);
            }
            Thread.sleep(300);

            List<Device> cira = store.devices().findAll().stream()
                    .filter(d -> d.reach().kind() == Reach.Kind.CIRA).toList();
            assertThat(cira).hasSize(1);
            Device device = cira.getFirst();
            assertThat(device.reach().id()).isEqualTo(virtual.uuid().toString());
            assertThat(device.name()).isEqualTo("cira-" + virtual.uuid().toString().substring(0, 8));
            assertThat(device.host()).isEqualTo("127.0.0.1");
            assertThat(device.user()).as("the CIRA account is not the AMT admin account").isNull();
            assertThat(added).extracting(Device::name).containsExactly(device.name());
        }
    }

    @Test
    void aDeviceWithItsOwnCredentialsGetsInAndTheLabWidePasswordCannotClaimItsUuid() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-own", "admin", "Sim-Passw0rd"));
        try (DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            CiraAccounts.Account own = new CiraAccounts(store.secrets()).ensure(new DeviceUuid(virtual.uuid()));
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            try (CiraClient impostor = SimulatedCiraDevice.start(listener, virtual, null, SimulatedCiraDevice.USER,
                    SimulatedCiraDevice.PASSWORD.getBytes(StandardCharsets.UTF_8))) {
                await(() -> impostor.lastDisconnectReason() != null);
                assertThat(impostor.lastDisconnectReason()).isEqualTo(DisconnectReason.INVALID_CREDENTIALS);
            }
            try (CiraClient device = SimulatedCiraDevice.start(listener, virtual, null, own.user(),
                    own.password().getBytes(StandardCharsets.UTF_8))) {
                assertThat(device.awaitForwarding(Duration.ofSeconds(20))).isTrue();
            }
            assertThat(Files.readString(home.resolve("cira-account-" + virtual.uuid() + ".sealed"),
                    StandardCharsets.ISO_8859_1)).doesNotContain(own.password());
        }
    }

    @Test
    void aDeviceAlreadyInTheStoreIsNotAddedAgain() throws Exception {
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            DeviceUuid uuid = DeviceUuid.parse("b7266209-0aa9-4da0-8593-fd0f4836a8ab");
            store.devices().insert(Device.of("cira-b7266209", "10.0.0.9"));
            CiraDeviceRegistry registry = new CiraDeviceRegistry(store.devices());
            var remote = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);

            Device first = registry.ensureStored(uuid, remote).orElseThrow();
            assertThat(first.name()).as("the short name is taken").isEqualTo("cira-" + uuid);
            assertThat(registry.ensureStored(uuid, remote)).isEmpty();
            assertThat(store.devices().findByReach(Reach.cira(uuid.toString().toUpperCase()))).contains(first);
        }
    }

    @Test
    void thePasswordIsSealedAndTheFingerprintStaysTheSameAcrossRestarts() throws Exception {
        try (DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            String first = Certificates.grouped(Certificates.sha256(listener.certificate().orElseThrow()));
            listener.stop();
            assertThat(listener.running()).isFalse();

            listener.start(new StartRequest(0, SimulatedCiraDevice.USER, null, null));
            assertThat(Certificates.grouped(Certificates.sha256(listener.certificate().orElseThrow()))).isEqualTo(first)
                    .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
            assertThat(listener.hasSavedPassword()).isTrue();
        }
        try (Stream<Path> files = Files.list(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as(file.getFileName().toString()).doesNotContain(SimulatedCiraDevice.PASSWORD);
            }
        }
    }

    @Test
    void aPortInUseIsExplainedAndNothingRuns() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            assertThatThrownBy(() -> listener.start(new StartRequest(taken.getLocalPort(), SimulatedCiraDevice.USER,
                    SimulatedCiraDevice.PASSWORD.toCharArray(), null)))
                    .hasMessage("Port " + taken.getLocalPort() + " is in use by another program:"
                            + " choose another port or stop that program");
            assertThat(listener.running()).isFalse();
        }
    }

    @Test
    void startingWithoutAPasswordAsksForIt() throws Exception {
        try (DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            assertThatThrownBy(() -> listener.start(new StartRequest(0, "admin", null, null)))
                    .hasMessage("Enter the CIRA password the devices were configured with");
        }
    }

    private static void awaitStored(DeviceStore store, VirtualDevice virtual) throws InterruptedException {
        await(() -> store.devices().findByReach(Reach.cira(virtual.uuid().toString())).isPresent());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(50);
        }
    }
}
