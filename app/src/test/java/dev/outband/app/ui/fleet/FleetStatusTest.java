package dev.outband.app.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

/** The console polls its fleet on a real stage: a simulated device over real sockets and one that never answers. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FleetStatusTest {
    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
    private DevicePorts ports;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        ports = DevicePorts.open(device, 0, 0, null);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        for (String name : List.of("sim-1", "unplugged")) {
            store.devices().insert(Device.of(name, "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        }
        int unplugged = closedPort;
        console = ConsoleFixture.show(stage, store, new DeviceConnections(
                d -> d.name().equals("sim-1") ? ports.httpPort() : unplugged));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        ports.close();
    }

    @Test
    void everyRowSaysWhetherItsDeviceAnswersAndTheStatusBarCountsThem(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary(robot).equals("1 online · 1 offline · 0 unknown"));
        assertThat(cells(robot, "● Online")).isEqualTo(1);
        assertThat(cells(robot, "○ Offline")).isEqualTo(1);
        assertThat(cells(robot, "On")).isEqualTo(1);

        // The selected device changes power state between polls: F5 polls again, the row follows, still selected.
        robot.clickOn("sim-1");
        device.requestPowerState(8);
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cells(robot, "Off - Soft") == 1);
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Device::name).containsExactly("sim-1");
        assertThat(store.devices().findByName("sim-1").orElseThrow().state().powerState()).isEqualTo("Off - Soft");
    }

    private static long cells(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> text.equals(c.getText())).count();
    }

    private static String summary(FxRobot robot) {
        return robot.lookup("#fleetSummary").queryAs(Label.class).getText();
    }
}
