package dev.outband.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.remote.TestClock;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The poller against simulated devices over real sockets and a real H2 store. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetPollerTest {
    private static final Duration PERIOD = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private final VirtualDevice steady = new VirtualDevice(DeviceConfig.of("steady", "admin", "Sim-Passw0rd"));
    private final VirtualDevice flaky = new VirtualDevice(DeviceConfig.of("flaky", "admin", "Sim-Passw0rd"));
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final List<Map<Long, DeviceStatus>> reported = new ArrayList<>();
    private DeviceStore store;
    private DevicePorts steadyPorts;
    private DevicePorts flakyPorts;
    private int flakyPort;
    private FleetPoller poller;

    @BeforeEach
    void start() throws Exception {
        store = DeviceStore.open(home.resolve("data"), () -> null);
        steadyPorts = DevicePorts.open(steady, 0, 0, null);
        flakyPorts = DevicePorts.open(flaky, 0, 0, null);
        flakyPort = flakyPorts.httpPort();
        for (String name : List.of("steady", "flaky")) {
            store.devices().insert(Device.of(name, "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        }
        store.devices().insert(new Device(null, "cira-gone", "", List.of(), "admin", store.devices().seal("x"),
                TlsMode.NONE, null, Reach.cira("7a3e5f0c-1d2b-4c8e-9f00-112233445566"), DeviceState.UNKNOWN));
        var connections = new DeviceConnections(d -> d.name().equals("steady") ? steadyPorts.httpPort() : flakyPort);
        FleetSettings settings = new FleetSettings(PERIOD, 2, Duration.ofMinutes(2), Duration.ofMinutes(10));
        poller = new FleetPoller(store.devices(), connections, () -> settings, clock, reported::add);
    }

    @AfterEach
    void stop() throws Exception {
        poller.close();
        steadyPorts.close();
        flakyPorts.close();
        store.close();
    }

    @Test
    void aDeviceThatStopsAnsweringIsMarkedOfflineBackedOffAndSeenAgainWhenItReturns() throws Exception {
        long steadyId = id("steady");
        long flakyId = id("flaky");
        long ciraId = id("cira-gone");

        Map<Long, DeviceStatus> first = poller.sweep();
        assertThat(first.get(steadyId).online()).isTrue();
        assertThat(first.get(steadyId).powerState()).isEqualTo("On");
        assertThat(first.get(flakyId).online()).isTrue();
        // No listener runs: the CIRA device is offline without a network call, and not backed off.
        assertThat(first.get(ciraId).online()).isFalse();
        assertThat(first.get(ciraId).problem()).isEqualTo("not connected to the lab listener");
        assertThat(poller.backoff(ciraId)).isEmpty();
        assertThat(store.devices().findById(steadyId).orElseThrow().state().powerState()).isEqualTo("On");

        flakyPorts.close();
        clock.advance(PERIOD);
        Map<Long, DeviceStatus> second = poller.sweep();
        assertThat(second.get(flakyId).online()).isFalse();
        assertThat(poller.backoff(flakyId)).hasValueSatisfying(b -> {
            assertThat(b.failures()).isEqualTo(1);
            assertThat(b.next()).isEqualTo(clock.instant().plus(PERIOD.multipliedBy(2)));
        });

        // Backing off: one period later the flaky device is not asked at all; the steady one is.
        clock.advance(PERIOD);
        Map<Long, DeviceStatus> third = poller.sweep();
        assertThat(third).containsKey(steadyId).doesNotContainKey(flakyId);

        clock.advance(PERIOD);
        assertThat(poller.sweep()).containsKey(flakyId);
        assertThat(poller.backoff(flakyId)).hasValueSatisfying(b -> {
            assertThat(b.failures()).isEqualTo(2);
            assertThat(b.next()).isEqualTo(clock.instant().plus(PERIOD.multipliedBy(4)));
        });
        clock.advance(PERIOD.multipliedBy(4));
        poller.sweep();
        // Eight periods would be four minutes: the two-minute cap holds.
        assertThat(poller.backoff(flakyId)).hasValueSatisfying(b ->
                assertThat(b.next()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2))));

        flakyPorts = DevicePorts.open(flaky, flakyPort, 0, null);
        clock.advance(Duration.ofMinutes(2));
        Map<Long, DeviceStatus> back = poller.sweep();
        assertThat(back.get(flakyId).online()).isTrue();
        assertThat(poller.backoff(flakyId)).isEmpty();
        assertThat(reported).hasSize(6);
    }

    @Test
    void aSweepWritesOnlyWhatChanged() throws Exception {
        long steadyId = id("steady");
        poller.sweep();
        Instant firstSeen = store.devices().findById(steadyId).orElseThrow().state().lastSeen();
        assertThat(firstSeen).isEqualTo(clock.instant());

        clock.advance(PERIOD);
        poller.sweep();
        assertThat(store.devices().findById(steadyId).orElseThrow().state().lastSeen()).isEqualTo(firstSeen);

        steady.requestPowerState(8);
        clock.advance(PERIOD);
        poller.sweep();
        Device after = store.devices().findById(steadyId).orElseThrow();
        assertThat(after.state().powerState()).isEqualTo("Off - Soft");
        assertThat(after.state().lastSeen()).isEqualTo(clock.instant());
    }

    private long id(String name) {
        return store.devices().findByName(name).orElseThrow().id();
    }
}
