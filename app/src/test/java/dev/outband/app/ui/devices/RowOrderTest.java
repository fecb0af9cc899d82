package dev.outband.app.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
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

/** Rows keep their order through saves and reloads, and a new device is selected where the user can see it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RowOrderTest {
    @TempDir
    static Path home;

    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        List<Device> devices = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            devices.add(Device.of("pc-%02d".formatted(i), "127.0.0.1"));
        }
        store.devices().insertAll(devices);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> port));
    }

    @AfterEach
    void stop() {
        console.close();
        store.close();
    }

    @Test
    void aNewDeviceTakesItsPlaceInTheOrderIsSelectedOnScreenAndStaysThereAfterRefresh(FxRobot robot) throws Exception {
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 60);
        robot.clickOn("#addDevice");
        robot.clickOn("#name").write("pc-30a");
        robot.clickOn("#host").write("10.0.0.30");
        robot.clickOn("#okButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 61);
        WaitForAsyncUtils.waitForFxEvents();

        List<String> shown = names(table);
        assertThat(shown.indexOf("pc-30a")).isEqualTo(30);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Device::name).containsExactly("pc-30a");
        VirtualFlow<?> flow = robot.lookup("#deviceTable .virtual-flow").query();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> flow.getFirstVisibleCell().getIndex() <= 30
                && flow.getLastVisibleCell().getIndex() >= 30);

        robot.clickOn("#refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#fleetSummary").query() != null);
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(names(table)).isEqualTo(shown);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Device::name).containsExactly("pc-30a");
    }

    private static List<String> names(TableView<Device> table) {
        return table.getItems().stream().map(Device::name).toList();
    }
}
