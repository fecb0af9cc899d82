package dev.outband.app.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.app.ui.ConsoleFixture;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
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

/** At 1024×700 the search, the tag filter and every row's status read whole. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SmallWindowTest {
    @TempDir
    static Path home;

    private DeviceStore store;
    private ConsoleFixture console;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().insertAll(List.of(Device.of("classroom-01", "10.20.1.1"),
                new Device(null, "cira-7a3e5f0c", "", List.of(), null, null, TlsMode.NONE, null,
                        Reach.cira("7a3e5f0c-1d2b-4c8e-9f00-112233445566"), DeviceState.UNKNOWN)));
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        // Opened at 1024x700 (a small screen), not resized to it from a larger window.
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> port), 1024, 700);
    }

    @AfterEach
    void stop() {
        console.close();
        store.close();
    }

    @Test
    void searchTagsAndStatusesStayOnScreenAt1024(FxRobot robot) throws Exception {
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> cells(robot).stream().filter(c -> "○ Offline".equals(c.getText())).count() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getScene().getWidth()).isEqualTo(1024);
        // Every action stays in the toolbar (icons only at this width), none in its overflow menu.
        for (String id : List.of("#search", "#tagFilter", "#darkTheme", "#addDevice", "#editDevice", "#deleteDevice",
                "#powerMenu", "#kvm", "#labMenu", "#refresh")) {
            assertThat(onScreen(robot.lookup(id).query())).as(id).isTrue();
        }
        assertThat(cells(robot)).filteredOn(c -> c.getText() != null && !c.getText().isEmpty())
                .allSatisfy(c -> assertThat(c.isTextTruncated()).as(c.getText()).isFalse());
    }

    private static List<TableCell<?, ?>> cells(FxRobot robot) {
        return robot.lookup("#deviceTable .table-cell").<TableCell<?, ?>>queryAll().stream()
                .filter(c -> c.getTableColumn() != null && List.of("Status", "Reached by")
                        .contains(c.getTableColumn().getText()))
                .toList();
    }

    /** In the scene graph, visible with every parent, and inside the window. */
    private static boolean onScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        if (node.getScene() == null) {
            return false;
        }
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b.getMinX() >= 0 && b.getMaxX() <= node.getScene().getWidth() && b.getWidth() > 0;
    }
}
