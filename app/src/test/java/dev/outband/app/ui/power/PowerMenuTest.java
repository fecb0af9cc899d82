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
import dev.outband.app.ui.bulk.BulkProgress.Row;
import dev.outband.app.ui.bulk.BulkProgress.Status;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confirmation(robot).isPresent());
        ConsoleFixture.pressShowing(robot, "Power off");

        List<Row> rows = results(robot, 1);
        assertThat(rows).containsExactly(new Row("sim-1", Status.DONE, "done", "Off - Soft"));
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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confirmation(robot).isPresent());
        ConsoleFixture.pressShowing(robot, "Sleep");

        assertThat(results(robot, 2)).containsExactlyInAnyOrder(new Row("sim-1", Status.DONE, "done", "Sleep - Deep"),
                new Row("sim-9", Status.FAILED, "not supported by this device", null));
        assertThat(older.powerState()).isEqualTo(PowerState.ON);
        assertThat(older.logs().audit()).as("nothing was sent to the device that lacks the action").isEmpty();
    }

    @Test
    void oneDeviceIsPoweredOffOnlyAfterAQuestionNamingItWhoseDefaultIsCancel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-1").queryAll().isEmpty());
        robot.clickOn("sim-1");
        robot.clickOn("#powerMenu");
        waitForItem(robot, "Power off");
        robot.clickOn("Power off");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confirmation(robot).isPresent());
        DialogPane pane = confirmation(robot).orElseThrow();
        assertThat(pane.getHeaderText()).isEqualTo("Power off?");
        assertThat(pane.getContentText()).isEqualTo("sim-1");
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        assertThat(cancel.isDefaultButton()).isTrue();
        assertThat(pane.getButtonTypes().stream().map(pane::lookupButton).filter(b -> b != cancel))
                .allMatch(b -> !((Button) b).isDefaultButton());

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confirmation(robot).isEmpty());
        Thread.sleep(500);
        assertThat(robot.lookup("#bulkResults").queryAll()).as("Enter cancelled: nothing ran").isEmpty();
        assertThat(device.powerState()).isEqualTo(PowerState.ON);
    }

    @Test
    void theResultsTableTellsDoneFailedAndSkippedAndRetriesOnlyTheFailed(FxRobot robot) throws Exception {
        older.requestPowerState(8);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("unplugged").queryAll().isEmpty());
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("#powerMenu");
        waitForItem(robot, "Power on");
        robot.clickOn("Power on");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> confirmation(robot).isPresent());
        DialogPane pane = confirmation(robot).orElseThrow();
        assertThat(pane.getHeaderText()).isEqualTo("Power on on 3 devices?");
        assertThat(pane.getContentText()).isEqualTo("sim-1, sim-9 and unplugged");
        ConsoleFixture.pressShowing(robot, "Power on");

        List<Row> rows = results(robot, 3);
        assertThat(rows).contains(new Row("sim-1", Status.SKIPPED, "already on", "On"),
                new Row("sim-9", Status.DONE, "done", "On"));
        Row unplugged = rows.stream().filter(r -> r.device().equals("unplugged")).findFirst().orElseThrow();
        assertThat(unplugged.status()).isEqualTo(Status.FAILED);
        assertThat(unplugged.message()).contains("not reachable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#bulkSummary").queryLabeled().getText().contains("finished"));
        assertThat(robot.lookup("#bulkSummary").queryLabeled().getText())
                .isEqualTo("3 of 3 answered, finished: 1 done, 1 failed, 1 skipped");

        robot.interact(() -> robot.lookup("#bulkRetry").queryButton().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#bulkSummary").queryLabeled().getText().startsWith("3 of 3 answered, finished"));
        List<Row> again = robot.lookup("#bulkResults").<Row>queryTableView().getItems();
        assertThat(again).hasSize(3).contains(new Row("sim-1", Status.SKIPPED, "already on", "On"),
                new Row("sim-9", Status.DONE, "done", "On"));
        assertThat(again.getLast().device()).as("only the failed device ran again").isEqualTo("unplugged");
    }

    @Test
    void powerOnForOneDeviceRunsWithoutAQuestion(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-1").queryAll().isEmpty());
        robot.clickOn("sim-1");
        robot.clickOn("#powerMenu");
        waitForItem(robot, "Power on");
        robot.clickOn("Power on");

        assertThat(results(robot, 1)).containsExactly(new Row("sim-1", Status.SKIPPED, "already on", "On"));
        assertThat(confirmation(robot)).isEmpty();
    }

    /** The results once {@code count} rows arrived. */
    static List<Row> results(FxRobot robot, int count) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#bulkResults").queryAll().isEmpty()
                && robot.lookup("#bulkResults").queryTableView().getItems().size() == count);
        return List.copyOf(robot.lookup("#bulkResults").<Row>queryTableView().getItems());
    }

    private static Optional<DialogPane> confirmation(FxRobot robot) {
        return robot.lookup("#powerConfirm").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow() != null
                        && p.getScene().getWindow().isShowing())
                .findFirst();
    }

    private static void waitForItem(FxRobot robot, String label) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(label).queryAll().isEmpty());
    }

    private static List<String> labels(MenuButton menu) {
        return menu.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList();
    }
}
