package dev.outband.app.ui.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.app.ui.cira.Snapshots;
import dev.outband.kvm.fx.terminal.TerminalWindow;
import dev.outband.simulator.device.BootOptions;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
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
 * The Serial button on a simulated device: the serial console shows the login prompt of the running host, the
 * BIOS setup menu after a reset into setup, and the arrow keys move the menu's selection.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeviceSolTest {
    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-sol", "admin", "Sim-Passw0rd")
            .withOptInRequired(0).withBootDuration(Duration.ofMinutes(5)));
    /** Client control mode's default: consent for every redirection, SOL included. */
    private final VirtualDevice consenting = new VirtualDevice(DeviceConfig.of("sim-ccm", "admin", "Sim-Passw0rd"));
    private DevicePorts ports;
    private DevicePorts consentingPorts;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        consentingPorts = DevicePorts.open(consenting, 0, 0, null);
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        for (String name : new String[] {"sim-sol", "sim-ccm"}) {
            store.devices().insert(Device.of(name, "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        }
        console = ConsoleFixture.show(stage, store, new DeviceConnections(DeviceConnections.Ports.of(
                d -> (d.name().equals("sim-ccm") ? consentingPorts : ports).httpPort(),
                d -> (d.name().equals("sim-ccm") ? consentingPorts : ports).kvmPort())));
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> serialWindow(robot).ifPresent(Window::hide));
        console.close();
        store.close();
        ports.close();
        consentingPorts.close();
    }

    @Test
    void inClientControlModeTheConsentCodeComesBeforeTheSerialConsole(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-ccm").queryAll().isEmpty());
        robot.clickOn("sim-ccm");
        robot.clickOn("#serialConsole");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> consentDialog(robot).isPresent());
        assertThat(serialWindow(robot)).as("no session before consent").isEmpty();
        DialogPane pane = consentDialog(robot).orElseThrow();
        assertThat(pane.getHeaderText()).isEqualTo("User consent is required for the serial console of sim-ccm");
        String code = consenting.consent().codeOnScreen().orElseThrow();
        robot.interact(() -> {
            ((TextField) pane.lookup("#consentCode")).setText(code);
            ((Button) pane.lookupButton(ConsentDialog.SEND)).fire();
        });

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> serialWindow(robot).isPresent());
        TerminalWindow window = (TerminalWindow) ((Stage) serialWindow(robot).orElseThrow()).getProperties()
                .get(TerminalWindow.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("sim-ccm login: "));
    }

    private static Optional<DialogPane> consentDialog(FxRobot robot) {
        return robot.lookup("#consentDialog").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow() != null
                        && p.getScene().getWindow().isShowing())
                .findFirst();
    }

    @Test
    void theSerialConsoleShowsTheBiosMenuAfterAResetIntoSetupAndTheDownArrowMovesItsSelection(FxRobot robot)
            throws Exception {
        TerminalWindow window = open(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("sim-sol login: "));

        device.setBootOptions(new BootOptions(true, false, true, null, false));
        assertThat(device.requestPowerState(10)).isZero();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("> System Information"));
        String menu = screen(window);
        assertThat(menu).contains("Outband Virtual BIOS Setup Utility").contains("  Boot Order")
                .contains("┌──").contains("│");

        focus(robot, window);
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("> Boot Order"));
        assertThat(screen(window)).contains("  System Information").doesNotContain("> System Information");
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.save(window.stage().getScene(), Path.of("target", "sol.png"));
    }

    @Test
    void resetToBiosFromTheSerialWindowAsksForUseSolAndTheSetupMenuComesToTheWindow(FxRobot robot) throws Exception {
        TerminalWindow window = open(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("sim-sol login: "));
        MenuItem reset = robot.lookup("#terminalActions").queryAs(MenuButton.class).getItems().stream()
                .filter(i -> "Reset to BIOS setup".equals(i.getText())).findFirst().orElseThrow();
        Platform.runLater(reset::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#powerConfirm").queryAll().stream()
                .anyMatch(p -> p.getScene().getWindow().isShowing()));
        ConsoleFixture.pressShowing(robot, "Reset to BIOS setup");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> screen(window).contains("> System Information"));
        assertThat(device.firmwareOnSerial()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#terminalStatus").queryLabeled().getText().startsWith("Reset to BIOS setup: done"));
    }

    @Test
    void typedKeysReachTheHostAndTheSessionIsLoggedToAnOwnerOnlyFile(FxRobot robot) throws Exception {
        TerminalWindow window = open(robot);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("sim-sol login: "));
        Path log = home.resolve("sol-" + System.nanoTime() + ".log");
        robot.interact(() -> window.startLog(log));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#terminalStatus").queryLabeled().getText().startsWith("Logging to"));

        focus(robot, window);
        // The headless platform makes no KEY_TYPED from key presses; a desktop does, and the view reads those.
        robot.interact(() -> "root".chars().forEach(c -> Event.fireEvent(window.view(), new KeyEvent(
                KeyEvent.KEY_TYPED, Character.toString(c), "", KeyCode.UNDEFINED, false, false, false, false))));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("login: root"));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> screen(window).contains("Password: "));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> Files.readString(log, StandardCharsets.ISO_8859_1).contains("Password: "));
        assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).contains("root\r\nPassword: ");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    /** The keyboard goes to the terminal's window, as after a click into it. */
    private static void focus(FxRobot robot, TerminalWindow window) throws Exception {
        robot.interact(() -> {
            window.stage().requestFocus();
            window.view().requestFocus();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.stage().isFocused() && window.view().isFocused());
    }

    private static String screen(TerminalWindow window) {
        return window.terminal().text();
    }

    private static TerminalWindow open(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-sol").queryAll().isEmpty());
        robot.clickOn("sim-sol");
        robot.clickOn("#serialConsole");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> serialWindow(robot).isPresent());
        Stage stage = (Stage) serialWindow(robot).orElseThrow();
        return (TerminalWindow) stage.getProperties().get(TerminalWindow.class);
    }

    private static Optional<Window> serialWindow(FxRobot robot) {
        return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().endsWith("Outband serial console") && s.isShowing()).findFirst();
    }
}
