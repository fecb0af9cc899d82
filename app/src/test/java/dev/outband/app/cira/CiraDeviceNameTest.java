package dev.outband.app.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.DeviceReader;
import dev.outband.app.amt.StateRecorder;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A device that calls home is stored as {@code cira-<uuid>}; once read it goes by the host name it reports
 * (AMT_GeneralSettings HostName and DomainName, joined as AMT's own HostOSFQDN is), unless the user named it.
 */
@Timeout(90)
class CiraDeviceNameTest {
    private static final String ADMIN = "admin";
    private static final String PASSWORD = "Sim-Passw0rd";

    @TempDir
    Path home;

    @Test
    void aCiraDeviceReadForTheFirstTimeTakesTheHostNameItReportsAndKeepsAUserChosenName() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("front-desk-7", ADMIN, PASSWORD));
        List<Device> renamed = new CopyOnWriteArrayList<>();
        try (DeviceStore store = DeviceStore.open(home, () -> null);
             LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            try (CiraClient client = SimulatedCiraDevice.connect(listener, virtual)) {
                Device stored = awaitStored(store, virtual);
                assertThat(stored.name()).startsWith("cira-");
                Device withAccount = store.devices().update(
                        stored.withCredentials(ADMIN, store.devices().seal(PASSWORD)));
                DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS, listener);
                StateRecorder recorder = StateRecorder.into(store.devices(), renamed::add);

                DeviceReader.open(connections, recorder, Clock.systemUTC(), withAccount).identity();

                Device named = store.devices().findById(stored.id()).orElseThrow();
                assertThat(named.name()).isEqualTo("front-desk-7." + VirtualDevice.DOMAIN_NAME);
                assertThat(renamed).extracting(Device::name).containsExactly(named.name());

                store.devices().update(named.withName("Reception PC"));
                DeviceReader.open(connections, recorder, Clock.systemUTC(), named.withName("Reception PC")).identity();
                assertThat(store.devices().findById(stored.id()).orElseThrow().name())
                        .as("a name the user chose stays").isEqualTo("Reception PC");
                assertThat(renamed).hasSize(1);
            }
        }
    }

    @Test
    void aReportedNameAnotherDeviceHasAlreadyLeavesTheListenersName() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("twin", ADMIN, PASSWORD));
        try (DeviceStore store = DeviceStore.open(home, () -> null);
             LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            store.devices().insert(Device.of("twin." + VirtualDevice.DOMAIN_NAME, "192.0.2.7"));
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            try (CiraClient client = SimulatedCiraDevice.connect(listener, virtual)) {
                Device stored = awaitStored(store, virtual);
                Device withAccount = store.devices().update(
                        stored.withCredentials(ADMIN, store.devices().seal(PASSWORD)));

                DeviceReader.open(new DeviceConnections(DeviceConnections.AMT_PORTS, listener),
                        StateRecorder.into(store.devices(), d -> { }), Clock.systemUTC(), withAccount).identity();

                assertThat(store.devices().findById(stored.id()).orElseThrow().name()).isEqualTo(stored.name());
            }
        }
    }

    private static Device awaitStored(DeviceStore store, VirtualDevice virtual) throws InterruptedException {
        Reach reach = Reach.cira(virtual.uuid().toString());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var found = store.devices().findByReach(reach);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the device was not stored within 20 s");
    }
}
