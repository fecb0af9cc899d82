package dev.outband.app.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.users.UserAccount;
import dev.outband.wsman.http.DigestCredentials;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

/**
 * The Network, Accounts and Clock pages and the hardware's memory modules and network cards against a simulated
 * device over loopback HTTP: each page reads when its tab is shown, and each edit goes through its dialog to the
 * device and shows in the page read again (and in the simulator's own state).
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetworkAccountsClockPagesTest {
    private static final String PASSWORD = "Sim-Passw0rd";

    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-pages", "admin", PASSWORD));
    private DevicePorts ports;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().insert(Device.of("sim-pages", "127.0.0.1").withCredentials("admin", store.devices().seal(PASSWORD)));
        console = ConsoleFixture.show(stage, store, new DeviceConnections(d -> ports.httpPort()));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
        ports.close();
    }

    @Test
    void theWiredPortIsReadAndSetToAStaticAddressThroughItsDialog(FxRobot robot) throws Exception {
        select(robot, "Network");
        waitFor(robot, "#wiredFacts", "DHCP");
        assertThat(ConsoleFixture.labelsIn(robot, "#wiredFacts")).contains(device.wiredPort().addressing().ipAddress());
        assertThat(ConsoleFixture.labelsIn(robot, "#wirelessFacts")).contains("Down",
                "On while the host is on or asleep on AC");
        assertThat(robot.lookup("#wifiProfiles").queryTableView().getItems()).hasSize(1);

        fire(robot, "#editWired");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> dialogs(robot) == 0);
        assertThat(device.wiredPort().addressing().dhcp()).as("Esc changed nothing").isTrue();

        fire(robot, "#editWired");
        robot.clickOn("#modeStatic");
        type(robot, "#ipAddress", "10.1.2.3");
        type(robot, "#subnetMask", "255.0.255.0");
        type(robot, "#gateway", "10.1.2.1");
        type(robot, "#primaryDns", "10.1.0.53");
        type(robot, "#secondaryDns", "");
        assertThat(robot.lookup("#subnetMaskError").queryLabeled().getText()).isEqualTo("a mask such as 255.255.255.0");
        assertThat(showing(robot, "#okButton").isDisabled()).isTrue();
        type(robot, "#subnetMask", "255.255.255.0");
        type(robot, "#gateway", "10.9.9.1");
        assertThat(robot.lookup("#gatewayError").queryLabeled().getText()).isEqualTo("not in the address's subnet");
        type(robot, "#gateway", "10.1.2.1");
        robot.interact(() -> NetworkAccountsClockPagesTest.<Button>showing(robot, "#okButton").fire());

        waitFor(robot, "#wiredFacts", "10.1.2.3");
        assertThat(ConsoleFixture.labelsIn(robot, "#wiredFacts")).contains("Static, AMT's own", "255.255.255.0",
                "10.1.2.1", "10.1.0.53");
        assertThat(robot.lookup("#networkStatus").queryLabeled().getText())
                .isEqualTo("Wired port set to static 10.1.2.3 / 255.255.255.0.");
        assertThat(device.wiredPort().addressing().ipAddress()).isEqualTo("10.1.2.3");
    }

    @Test
    void aUserIsAddedGivenANewPasswordAndRemovedAfterConfirming(FxRobot robot) throws Exception {
        select(robot, "Accounts");
        TableView<UserAccount> table = robot.lookup("#userTable").queryTableView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(table.getItems().getFirst().name()).isEqualTo("admin");

        fire(robot, "#addUser");
        type(robot, "#userName", "admin");
        assertThat(robot.lookup("#userNameError").queryLabeled().getText())
                .isEqualTo("the device already has a user of that name");
        type(robot, "#userName", "operator");
        type(robot, "#userPassword", "weak");
        assertThat(robot.lookup("#userPasswordError").queryLabeled().getText()).isEqualTo("8 to 32 characters");
        type(robot, "#userPassword", "0perat0r!Pass");
        type(robot, "#userConfirm", "0perat0r!Pass");
        assertThat(showing(robot, "#okButton").isDisabled()).as("no realm chosen yet").isTrue();
        robot.clickOn("#realm2");
        robot.clickOn("#realm5");
        robot.interact(() -> NetworkAccountsClockPagesTest.<Button>showing(robot, "#okButton").fire());

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertThat(table.getItems().get(1).name()).isEqualTo("operator");
        assertThat(table.getItems().get(1).realms()).containsExactly(2, 5);
        assertThat(device.users().ha1("operator")).contains(DigestCredentials.md5("operator:" + device.digestRealm()
                + ":0perat0r!Pass"));

        robot.interact(() -> table.getSelectionModel().select(1));
        fire(robot, "#changeUser");
        type(robot, "#userPassword", "N3w!Passw0rd");
        type(robot, "#userConfirm", "N3w!Passw0rd");
        robot.interact(() -> NetworkAccountsClockPagesTest.<Button>showing(robot, "#okButton").fire());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Changed user operator.".equals(
                robot.lookup("#usersStatus").queryLabeled().getText()));
        assertThat(device.users().ha1("operator")).contains(DigestCredentials.md5("operator:" + device.digestRealm()
                + ":N3w!Passw0rd"));

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().select(1));
        fire(robot, "#removeUser");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup("#removeUserConfirm").queryAll().isEmpty());
        assertThat(showingButton(robot, "Cancel").isDefaultButton()).as("Cancel is the default").isTrue();
        ConsoleFixture.pressShowing(robot, "Remove operator");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Removed user operator.".equals(
                robot.lookup("#usersStatus").queryLabeled().getText()) && table.getItems().size() == 1);
        assertThat(device.users().handles()).isEmpty();
        assertThat(robot.lookup("#removeUser").queryButton().isDisabled()).as("nothing selected").isTrue();
    }

    @Test
    void theAdministratorsNewPasswordIsStoredSoTheConsoleKeepsReadingTheDevice(FxRobot robot) throws Exception {
        select(robot, "Accounts");
        TableView<UserAccount> table = robot.lookup("#userTable").queryTableView();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        robot.interact(() -> table.getSelectionModel().select(0));
        fire(robot, "#changeUser");
        type(robot, "#userPassword", "Chang3d!Admin");
        type(robot, "#userConfirm", "Chang3d!Admin");
        robot.interact(() -> NetworkAccountsClockPagesTest.<Button>showing(robot, "#okButton").fire());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Chang3d!Admin".equals(
                store.devices().findByName("sim-pages").orElseThrow().password().reveal()));
        assertThat(device.users().ha1("admin")).contains(DigestCredentials.md5("admin:" + device.digestRealm()
                + ":Chang3d!Admin"));
        // Read again with the stored password: the list comes back, not a refused login.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> ConsoleFixture.shown(robot, "#userTable")
                && table.getItems().size() == 1 && !ConsoleFixture.shown(robot, "#usersError"));
        assertThat(robot.lookup("#usersStatus").queryLabeled().getText())
                .isEqualTo("Changed the password of admin; the console logs in with the new one from now on.");
    }

    @Test
    void aDriftedClockIsShownAndSetToTheConsolesTime(FxRobot robot) throws Exception {
        device.setClock(Instant.now().minus(Duration.ofHours(3)));
        select(robot, "Clock");
        waitFor(robot, "#clockFacts", "3 h 0 min behind");

        fire(robot, "#syncClock");

        waitFor(robot, "#clockFacts", "In step");
        assertThat(Duration.between(device.clock(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(3));
        assertThat(robot.lookup("#clockStatus").queryLabeled().getText())
                .isEqualTo("The device's clock now follows the console's.");
    }

    @Test
    void theHardwareListsMemoryModulesAndNetworkCards(FxRobot robot) throws Exception {
        select(robot, "Hardware");
        waitFor(robot, "#hardwareFacts", device.config().hardware().serialNumber());
        assertThat(ConsoleFixture.labelsIn(robot, "#hardwareFacts"))
                .anyMatch(l -> l.startsWith("BANK 0: 8 GiB DDR4 SODIMM, 3200 MHz, 859B SIM8G4SFS832A, serial E0E80001\n"
                        + "BANK 2: 8 GiB"))
                .anyMatch(l -> l.matches("Wired ([0-9a-f]{2}-){5}[0-9a-f]{2}, link up, 1 Gbit/s\nWireless, link down"));
    }

    /** Selects the device and then the tab with this title. */
    private static void select(FxRobot robot, String title) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-pages").queryAll().isEmpty());
        robot.clickOn("sim-pages");
        TabPane tabs = robot.lookup("#detailsTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals(title)).findFirst().orElseThrow()));
    }

    /** Presses a page's button, wherever its page is scrolled to; a dialog it opens keeps the FX thread. */
    private static void fire(FxRobot robot, String button) {
        Button target = robot.lookup(button).queryButton();
        Platform.runLater(target::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String field, String text) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(field).queryAll().stream()
                .anyMatch(n -> n.getScene() != null && n.getScene().getWindow().isShowing()));
        TextField input = showing(robot, field);
        robot.interact(() -> input.setText(text));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Node> T showing(FxRobot robot, String query) {
        return (T) robot.lookup(query).queryAll().stream().filter(n -> n.getScene() != null
                && n.getScene().getWindow().isShowing()).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("nothing showing for " + query));
    }

    private static Button showingButton(FxRobot robot, String text) {
        return robot.lookup(".button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText()) && b.getScene().getWindow().isShowing()).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text));
    }

    /** Windows showing besides the console's own. */
    private static long dialogs(FxRobot robot) {
        return Window.getWindows().stream().filter(Window::isShowing).count() - 1;
    }

    private static void waitFor(FxRobot robot, String grid, String value) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> ConsoleFixture.shown(robot, grid)
                    && ConsoleFixture.labelsIn(robot, grid).contains(value));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + value + " in " + ConsoleFixture.labelsIn(robot, grid)
                    + "; labels on screen: " + robot.lookup(".label").queryAllAs(Label.class).stream()
                    .filter(Node::isVisible).map(Label::getText).toList(), e);
        }
    }
}
