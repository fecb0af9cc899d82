package dev.outband.app.ui.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.DeviceReader;
import dev.outband.app.amt.StateRecorder;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Clicking to another device while the details of the previous one are being recorded leaves the device store
 * working: the read is abandoned, not interrupted inside H2 (whose file channel an interrupt closes for good).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DetailsKeepStoreTest {
    @TempDir
    Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim", "admin", "Sim-Passw0rd"));
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private DevicePorts ports;
    private DeviceStore store;

    @BeforeEach
    void open() throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        store = DeviceStore.open(home.resolve("data"), () -> null);
    }

    @AfterEach
    void close() throws Exception {
        executor.shutdown();
        store.close();
        ports.close();
    }

    @Test
    void aNewerSelectionDuringTheStoreWriteOfTheOlderOneLeavesTheStoreWorking(FxRobot robot) throws Exception {
        DeviceRepository repository = store.devices();
        Device first = repository.insert(Device.of("pc-1", "127.0.0.1")
                .withCredentials("admin", repository.seal("Sim-Passw0rd")));
        Device second = repository.insert(Device.of("pc-2", "127.0.0.1")
                .withCredentials("admin", repository.seal("Sim-Passw0rd")));
        // The reader asks the clock just before it records what it read: then it is about to enter the store.
        CountDownLatch aboutToRecord = new CountDownLatch(1);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                aboutToRecord.countDown();
                return Instant.now();
            }
        };
        DeviceConnections connections = new DeviceConnections(d -> ports.httpPort());
        var details = new DetailsViewModel(new Background(executor, new ErrorPresenter(null, false)),
                d -> DeviceReader.open(connections, StateRecorder.into(repository, renamed -> { }), clock, d),
                (id, state) -> { }, (d, rejected, afterPin) -> { }, (d, user, password) -> d);

        // The store is busy (as during a fleet poll's write), so the first device's read waits at its door.
        synchronized (repository) {
            robot.interact(() -> details.show(first));
            assertThat(aboutToRecord.await(20, TimeUnit.SECONDS)).as("the first device was read").isTrue();
            robot.interact(() -> details.show(second));
        }
        Thread.sleep(1000);

        assertThatCode(() -> repository.updateState(second.id(), new DeviceState("On", null, Instant.now())))
                .as("the store still writes").doesNotThrowAnyException();
        assertThat(repository.findByName("pc-2").orElseThrow().state().powerState()).isEqualTo("On");
    }
}
