package dev.outband.app.ui.power;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
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
    /** AMT 9 has no graceful (OS) actions, sleep or hibernate: a device with fewer actions than sim-1. */
    private final VirtualDevice older = new VirtualDevice(DeviceConfig.of("sim-9", "admin", "Sim-Passw0rd")
            .withAmtVersion("9.5.60"));
    private DevicePorts ports;
    private DevicePorts olderPorts;
    private int closedPort;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        olderPorts = DevicePorts.open(older, 0, 0, null);
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        for (String name : List.of("sim-1", "sim-9", "unplugged")) {
            store.devices().insert(Device.of(name, "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        }
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> switch (d.name()) {
                    case "sim-1" -> ports.httpPort();
                    case "sim-9" -> olderPorts.httpPort();
                    default -> closedPort;
                }));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        ports.close();
        olderPorts.close();
    }

    @Test
    void powerOffFromTheMenuTurnsTheDeviceOffAndTheTableShowsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-1").queryAll().isEmpty());
        assertThat(robot.lookup("#powerMenu").query().isDisabled()).as("nothing selected yet").isTrue();

        robot.clickOn("sim-1");
        robot.clickOn("#powerMenu");
        waitForItem(robot, "Power off");
        robot.clickOn("Power off");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#bulkResults").queryAll().isEmpty()
                && !robot.lookup("#bulkResults").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#bulkResults").queryAs(ListView.class).getItems())
                .containsExactly("sim-1 — done, now Off - Soft");
        assertThat(device.powerState()).isEqualTo(PowerState.OFF);

        TableView<?> table = robot.lookup(".table-view").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.from(table).lookup("Off - Soft").queryAll().isEmpty());
        assertThat(store.devices().findByName("sim-1").orElseThrow().state().powerState()).isEqualTo("Off - Soft");
    }

    @Test
    void aDeviceOffersOnlyThePowerActionsItReportsAsSupported(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-9").queryAll().isEmpty());
        robot.clickOn("sim-9");
        robot.clickOn("#powerMenu");
        MenuButton menu = robot.lookup("#powerMenu").queryAs(MenuButton.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> menu.getItems().stream()
                .noneMatch(i -> "powerReading".equals(i.getId())));

        assertThat(labels(menu)).contains("Power on", "Power off", "Reset", "Power cycle", "Reset to BIOS setup")
                .doesNotContain("Sleep", "Hibernate", "Shut down (OS)", "Restart (OS)");
    }

    @Test
    void aDeviceWhoseActionsCannotBeReadOffersThemAllWithANote(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("unplugged").queryAll().isEmpty());
        robot.clickOn("unplugged");
        robot.clickOn("#powerMenu");
        MenuButton menu = robot.lookup("#powerMenu").queryAs(MenuButton.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> menu.getItems().stream()
                .anyMatch(i -> "powerNote".equals(i.getId())));

        assertThat(labels(menu)).contains("Sleep", "Power off", "Reset to diagnostics")
                .anyMatch(l -> l.startsWith("Could not read the supported actions (AMT device not reachable"));
    }

    @Test
    void anActionSomeSelectedDevicesLackIsReportedPerDeviceAsNotSupported(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-9").queryAll().isEmpty());
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        robot.interact(() -> table.getItems().stream().filter(d -> !d.name().equals("unplugged"))
                .forEach(d -> table.getSelectionModel().select(d)));
        robot.clickOn("#powerMenu");
        waitForItem(robot, "Sleep");
        robot.clickOn("Sleep");
        robot.clickOn("OK");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#bulkResults").queryAll().isEmpty()
                && robot.lookup("#bulkResults").queryListView().getItems().size() == 2);
        assertThat(robot.lookup("#bulkResults").queryListView().getItems()).map(String::valueOf)
                .containsExactlyInAnyOrder("sim-1 — done, now Sleep - Deep", "sim-9 — not supported by this device");
        assertThat(older.powerState()).isEqualTo(PowerState.ON);
        assertThat(older.logs().audit()).as("nothing was sent to the device that lacks the action").isEmpty();
    }

    private static void waitForItem(FxRobot robot, String label) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(label).queryAll().isEmpty());
    }

    private static List<String> labels(MenuButton menu) {
        return menu.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
    }
}
