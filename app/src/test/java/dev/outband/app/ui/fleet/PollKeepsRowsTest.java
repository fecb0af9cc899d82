package dev.outband.app.ui.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.app.ui.Settings;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * A poll that learns new power states updates the rows where they are: the technician's keyboard focus, selection
 * anchor and the row under the mouse stay put while polls land every second.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PollKeepsRowsTest {
    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim", "admin", "Sim-Passw0rd"));
    private DevicePorts ports;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        ports = DevicePorts.open(device, 0, 0, null);
        for (String name : List.of("pc-1", "pc-2", "pc-3")) {
            store.devices().insert(Device.of(name, "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        }
        Settings settings = Settings.load(store.folder());
        settings.setFleetPeriod(Duration.ofSeconds(1));
        settings.save();
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> ports.httpPort()));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        ports.close();
    }

    @Test
    void aPollThatChangesPowerStatesLeavesFocusAndSelectionAnchorWhereTheTechnicianPutThem(FxRobot robot)
            throws Exception {
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cells(robot, "On") == 3);
        robot.clickOn("pc-1");
        robot.type(KeyCode.DOWN);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Device::name).containsExactly("pc-2");

        // What the mouse points at when the technician clicks pc-2's name.
        TableCell<?, ?> underMouse = robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> "pc-2".equals(c.getText())).findFirst().orElseThrow();

        // The three rows' power state changes; the next polls (one a second) bring it to the table.
        device.requestPowerState(8);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> cells(robot, "Off - Soft") == 3);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(underMouse.getText()).as("the row under the mouse still shows the same device").isEqualTo("pc-2");

        assertThat(table.getFocusModel().getFocusedItem()).extracting(Device::name).isEqualTo("pc-2");
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Device::name)
                .containsExactlyInAnyOrder("pc-2", "pc-3");
    }

    private static long cells(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> text.equals(c.getText())).count();
    }
}
