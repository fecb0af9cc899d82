package dev.outband.app.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.log.EventRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
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

@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DetailsPaneTest {
    private static final String PASSWORD = "Sim-Passw0rd";

    @TempDir
    static Path home;

    private final VirtualDevice slow = new VirtualDevice(DeviceConfig.of("sim-slow", "admin", PASSWORD));
    private final VirtualDevice fast = new VirtualDevice(DeviceConfig.of("sim-fast", "admin", PASSWORD)
            .withAmtVersion("15.0.42"));
    private Map<String, DevicePorts> ports;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        slow.hooks().delay(Duration.ofMillis(1500));
        ports = Map.of("sim-slow", DevicePorts.open(slow, 0, 0, null), "sim-fast", DevicePorts.open(fast, 0, 0, null),
                "sim-wrong-password", DevicePorts.open(fast, 0, 0, null));
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        for (String name : List.of("sim-slow", "sim-fast")) {
            store.devices().insert(Device.of(name, "127.0.0.1").withCredentials("admin", store.devices().seal(PASSWORD)));
        }
        store.devices().insert(Device.of("sim-wrong-password", "127.0.0.1")
                .withCredentials("admin", store.devices().seal("not-the-password")));
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> ports.get(d.name()).httpPort()));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        for (DevicePorts p : ports.values()) {
            p.close();
        }
    }

    @Test
    void aSelectedDeviceShowsItsIdentityHardwareAndThePowerActionItsEventLogRecorded(FxRobot robot) throws Exception {
        waitForRow(robot, "sim-fast");
        assertThat(ConsoleFixture.shown(robot, "#detailsHint")).as("hint while nothing is selected").isTrue();

        robot.clickOn("sim-fast");
        waitForFact(robot, "#identityFacts", "15.0.42");
        assertThat(ConsoleFixture.shown(robot, "#detailsHint")).as("hint once a device is selected").isFalse();
        assertThat(ConsoleFixture.labelsIn(robot, "#identityFacts")).contains("Client control mode (CCM)", "Provisioned",
                "sim-fast.lab.outband.test", fast.uuid().toString());
        waitForFact(robot, "#powerFacts", "On");
        assertThat(ConsoleFixture.labelsIn(robot, "#powerFacts")).contains("Full power");

        robot.clickOn("Hardware");
        waitForFact(robot, "#hardwareFacts", fast.config().hardware().serialNumber());
        assertThat(ConsoleFixture.labelsIn(robot, "#hardwareFacts")).contains("Outband Virtual Systems", "16 GiB")
                .anyMatch(f -> f.contains("i7-1185G7"));

        robot.clickOn("#powerMenu");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("Power off").queryAll().isEmpty());
        robot.clickOn("Power off");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#powerConfirm").queryAll().isEmpty());
        ConsoleFixture.pressShowing(robot, "Power off");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#bulkResults").queryAll().isEmpty()
                && !robot.lookup("#bulkResults").queryTableView().getItems().isEmpty());
        robot.clickOn("Close");

        robot.clickOn("Event log");
        robot.clickOn("#detailsRefresh");
        TableView<EventRecord> events = robot.lookup("#eventLog").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !events.getItems().isEmpty() && events.isVisible());
        assertThat(events.getItems().getFirst().description()).isEqualTo("S5/G2 soft-off");
        // Cells fill on a later pulse than the items: wait for the row to be drawn.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(events).lookup(".table-cell")
                .queryAllAs(TableCell.class).stream()
                .anyMatch(c -> "System ACPI power state: S5/G2 soft-off".equals(c.getText())));

        Device stored = store.devices().findByName("sim-fast").orElseThrow();
        assertThat(stored.state().amtVersion()).isEqualTo("15.0.42");
        assertThat(stored.state().powerState()).isEqualTo("Off - Soft");
        assertThat(stored.state().lastSeen()).isNotNull();
        // The list shows what was read, and the device stays selected (rows are replaced on the FX thread).
        TableView<Device> table = robot.lookup("#deviceTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Device shown = table.getSelectionModel().getSelectedItem();
            return shown != null && shown.name().equals("sim-fast") && "15.0.42".equals(shown.state().amtVersion())
                    && "Off - Soft".equals(shown.state().powerState());
        });
    }

    @Test
    void switchingQuicklyShowsTheLastSelectedDeviceEvenWhenTheFirstAnswersLate(FxRobot robot) throws Exception {
        waitForRow(robot, "sim-slow");
        robot.clickOn("sim-slow");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "sim-slow".equals(robot.lookup("#detailsTitle").queryAs(Label.class).getText()));
        robot.clickOn("sim-fast");

        waitForFact(robot, "#identityFacts", "sim-fast.lab.outband.test");
        // Long enough for every late answer of the slow device to arrive and be ignored.
        Thread.sleep(3 * 1500);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detailsTitle").queryAs(Label.class).getText()).isEqualTo("sim-fast");
        assertThat(ConsoleFixture.labelsIn(robot, "#identityFacts")).contains("sim-fast.lab.outband.test", "15.0.42")
                .doesNotContain("sim-slow.lab.outband.test");
    }

    @Test
    void wrongCredentialsAreReportedInEachSectionInATechniciansWords(FxRobot robot) throws Exception {
        waitForRow(robot, "sim-wrong-password");
        robot.clickOn("sim-wrong-password");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#identityError").queryLabeled().isVisible()
                && robot.lookup("#powerError").queryLabeled().isVisible());
        assertThat(robot.lookup("#identityError").queryLabeled().getText())
                .isEqualTo("Could not read the identity: Error validating management credentials");
        assertThat(robot.lookup("#identityFacts").query().isVisible()).isFalse();
        assertThat(store.devices().findByName("sim-wrong-password").orElseThrow().state().lastSeen()).isNull();
    }

    private static void waitForRow(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(name).queryAll().isEmpty());
    }

    private static void waitForFact(FxRobot robot, String grid, String value) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(grid).query().isVisible()
                    && ConsoleFixture.labelsIn(robot, grid).contains(value));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + value + " in " + ConsoleFixture.labelsIn(robot, grid)
                    + "; labels on screen: " + robot.lookup(".label").queryAllAs(Label.class).stream().filter(Node::isVisible)
                    .map(Label::getText).toList(), e);
        }
    }
}
