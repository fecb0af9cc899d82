package dev.outband.app.ui.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.ErrorPresenter;
import dev.outband.app.ui.Settings;
import dev.outband.app.ui.Theme;
import dev.outband.app.ui.devices.DeviceListView;
import dev.outband.app.ui.devices.DeviceListViewModel;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PowerMenuTest {
    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
    private DevicePorts ports;
    private DeviceStore store;
    private ExecutorService executor;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().insert(Device.of("sim-1", "127.0.0.1")
                .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        executor = Executors.newVirtualThreadPerTaskExecutor();
        var background = new Background(executor, new ErrorPresenter(stage, false));
        var vm = new DeviceListViewModel(background);
        var view = new DeviceListView(vm, Settings.load(store.folder()), background,
                new DeviceConnections(d -> ports.httpPort()));
        Theme.LIGHT.apply();
        stage.setScene(new Scene(view.root(), 1200, 700));
        stage.show();
        vm.attach(store);
        vm.reload(n -> { });
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdown();
        store.close();
        ports.close();
    }

    @Test
    void powerOffFromTheMenuTurnsTheDeviceOffAndTheTableShowsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-1").queryAll().isEmpty());
        assertThat(robot.lookup("#powerMenu").query().isDisabled()).as("nothing selected yet").isTrue();

        robot.clickOn("sim-1");
        robot.clickOn("#powerMenu");
        robot.clickOn("Power off");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#powerResults").queryAll().isEmpty()
                && !robot.lookup("#powerResults").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#powerResults").queryAs(ListView.class).getItems())
                .containsExactly("sim-1 — done, now Off - Soft");
        assertThat(device.powerState()).isEqualTo(PowerState.OFF);

        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.from(table).lookup("Off - Soft").queryAll().isEmpty());
        assertThat(store.devices().findByName("sim-1").orElseThrow().state().powerState()).isEqualTo("Off - Soft");
    }
}
