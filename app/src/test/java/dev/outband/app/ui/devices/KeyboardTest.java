package dev.outband.app.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The device list by keyboard and context menu, on a real stage and store. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KeyboardTest {
    @TempDir
    static Path home;

    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().insertAll(List.of(Device.of("pc-01", "10.0.0.1"), Device.of("pc-02", "10.0.0.2"),
                Device.of("printer-room", "10.0.0.3")));
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
    void ctrlFSearchesCtrlASelectsAllAndDeleteAsksWithCancelFirst(FxRobot robot) throws Exception {
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("pc-01");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        TextField search = robot.lookup("#search").queryAs(TextField.class);
        assertThat(search.isFocused()).isTrue();
        robot.write("pc-");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 2);

        robot.clickOn("pc-02");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(Device::name)
                .containsExactlyInAnyOrder("pc-01", "pc-02");

        robot.clickOn("pc-02");
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogs(robot) == 1);
        // Enter answers with the default button: Cancel.
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(store.devices().findByName("pc-02")).isPresent();
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogs(robot) == 1);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogs(robot) == 0);
        assertThat(store.devices().findByName("pc-02")).isPresent();
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogs(robot) == 1);
        ConsoleFixture.pressShowing(robot, "OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> store.devices().findByName("pc-02").isEmpty());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
    }

    @Test
    void theRowMenuCopiesNamesAndEscClosesTheFindDevicesWindow(FxRobot robot) throws Exception {
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("pc-01");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.rightClickOn("pc-02");
        robot.clickOn("#copyName");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).as("clipboard %s with %s selected", copied, table.getSelectionModel().getSelectedItems())
                .isEqualTo("pc-01\npc-02\nprinter-room");

        robot.clickOn("File").clickOn("#findDevicesMenu");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing("Find devices — Outband"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !showing("Find devices — Outband"));
    }

    private static long dialogs(FxRobot robot) {
        return robot.lookup(".dialog-pane").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).count();
    }

    private static boolean showing(String title) {
        return Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && title.equals(s.getTitle()));
    }
}
