package dev.outband.app.ui.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.tls.Certificates;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
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

/** The KVM button on simulated devices: user consent in client control mode, and pinning a TLS certificate. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DeviceKvmTest {
    @TempDir
    static Path home;

    private final DeviceCertificates.Issued identity;
    private final VirtualDevice consenting = new VirtualDevice(DeviceConfig.of("sim-ccm", "admin", "Sim-Passw0rd"));
    private final VirtualDevice secure = new VirtualDevice(
            DeviceConfig.of("sim-tls", "admin", "Sim-Passw0rd").withOptInRequired(0));
    private DevicePorts consentingPorts;
    private DevicePorts securePorts;
    private DeviceStore store;
    private ConsoleFixture console;

    DeviceKvmTest() throws Exception {
        identity = DeviceCertificates.loopbackDevice();
    }

    @Start
    void start(Stage stage) throws Exception {
        consentingPorts = DevicePorts.open(consenting, 0, 0, null);
        securePorts = DevicePorts.open(secure, 0, 0, 0, 0, DeviceCertificates.serverSocketFactory(identity));
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        store.devices().insert(Device.of("sim-ccm", "127.0.0.1")
                .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        store.devices().insert(Device.of("sim-tls", "127.0.0.1")
                .withCredentials("admin", store.devices().seal("Sim-Passw0rd")).withTls(TlsMode.VERIFY, null));
        console = ConsoleFixture.show(stage, store, new DeviceConnections(DeviceConnections.Ports.of(
                d -> d.name().equals("sim-tls") ? securePorts.tlsPort() : consentingPorts.httpPort(),
                d -> d.name().equals("sim-tls") ? securePorts.kvmTlsPort() : consentingPorts.kvmPort())));
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> kvmWindow(robot).ifPresent(Window::hide));
        console.close();
        store.close();
        consentingPorts.close();
        securePorts.close();
    }

    @Test
    void inClientControlModeTheCodeFromTheDeviceScreenOpensTheRemoteScreen(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-ccm").queryAll().isEmpty());
        robot.clickOn("sim-ccm");
        robot.clickOn("#kvm");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> consentDialog(robot).isPresent());
        String code = consenting.consent().codeOnScreen().orElseThrow();
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
        send(robot, "12345");
        assertThat(consentDialog(robot)).as("five digits cannot be sent").isPresent();
        assertThat(consenting.consent().wrongCodes()).isZero();
        send(robot, wrong);

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> consentDialog(robot)
                .flatMap(pane -> Optional.ofNullable(pane.lookup("#consentProblem"))).isPresent());
        Label problem = (Label) consentDialog(robot).orElseThrow().lookup("#consentProblem");
        assertThat(problem.getText()).contains("refused that code");
        assertThat(consenting.consent().wrongCodes()).isEqualTo(1);
        assertThat(kvmWindow(robot)).as("no screen before consent").isEmpty();

        send(robot, code);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> kvmWindow(robot).isPresent());
        assertThat(consenting.consent().state()).as("consent received").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRefusedCertificateIsShownAndOnceTrustedIsPinnedAndTheScreenOpens(FxRobot robot) throws Exception {
        String sha256 = Certificates.sha256(identity.certificate());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-tls").queryAll().isEmpty());
        robot.clickOn("sim-tls");
        robot.clickOn("#kvm");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS,
                () -> !robot.lookup("#certificateDetails").queryAll().isEmpty());
        String shown = robot.lookup("#certificateDetails").queryAs(TextArea.class).getText();
        assertThat(shown.replaceAll("[:\\s]", "").toLowerCase()).contains(sha256).contains("cn=127.0.0.1");
        assertThat(store.devices().findByName("sim-tls").orElseThrow().tls()).as("nothing pinned before the answer")
                .isEqualTo(TlsMode.VERIFY);

        ConsoleFixture.pressShowing(robot, "Trust and pin");

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> kvmWindow(robot).isPresent());
        Device pinned = store.devices().findByName("sim-tls").orElseThrow();
        assertThat(pinned.tls()).isEqualTo(TlsMode.PINNED);
        assertThat(pinned.pinnedSha256()).isEqualTo(sha256);
    }

    @Test
    void aResetFromTheKvmWindowAsksFirstThenRunsAndSaysTheOutcomeInTheStatusBar(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-tls").queryAll().isEmpty());
        Device tls = store.devices().findByName("sim-tls").orElseThrow();
        store.devices().update(tls.withTls(TlsMode.PINNED, Certificates.sha256(identity.certificate())));
        robot.clickOn("#refresh");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-tls").queryAll().isEmpty());
        robot.clickOn("sim-tls");
        robot.clickOn("#kvm");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> kvmWindow(robot).isPresent());
        int audited = secure.logs().audit().size();

        MenuItem reset = kvmAction(robot, "Reset");
        javafx.application.Platform.runLater(reset::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#powerConfirm").queryAll().isEmpty());
        ConsoleFixture.pressShowing(robot, "Cancel");
        Thread.sleep(500);
        assertThat(secure.logs().audit()).as("cancelled: nothing sent").hasSize(audited);

        javafx.application.Platform.runLater(reset::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#powerConfirm").queryAll().stream()
                .anyMatch(p -> p.getScene().getWindow().isShowing()));
        ConsoleFixture.pressShowing(robot, "Reset");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#kvmMessage").queryLabeled().getText().startsWith("Reset: done"));
        assertThat(robot.lookup("#kvmMessage").queryLabeled().getText()).isEqualTo("Reset: done (now On)");
        assertThat(secure.logs().audit().size()).isGreaterThan(audited);
    }

    /** An action of the KVM window's Power menu (the menu may sit in the toolbar's overflow on a small screen). */
    private static MenuItem kvmAction(FxRobot robot, String label) {
        return robot.lookup(".tool-bar").queryAllAs(ToolBar.class).stream()
                .flatMap(bar -> bar.getItems().stream())
                .filter(n -> n instanceof MenuButton m && "kvmActions".equals(m.getId()))
                .flatMap(n -> ((MenuButton) n).getItems().stream())
                .filter(i -> label.equals(i.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no KVM action " + label));
    }

    /** The consent dialog now on screen (a closed one may linger in lookups for a moment). */
    private static Optional<DialogPane> consentDialog(FxRobot robot) {
        return robot.lookup("#consentDialog").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow() != null
                        && p.getScene().getWindow().isShowing())
                .findFirst();
    }

    /** Types into the showing dialog and presses Send code, which stays disabled for anything but six digits. */
    private static void send(FxRobot robot, String typed) {
        DialogPane pane = consentDialog(robot).orElseThrow();
        robot.interact(() -> {
            ((TextField) pane.lookup("#consentCode")).setText(typed);
            ((Button) pane.lookupButton(ConsentDialog.SEND)).fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Window> kvmWindow(FxRobot robot) {
        List<Window> windows = robot.listTargetWindows();
        return windows.stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().endsWith("Outband KVM") && s.isShowing()).findFirst();
    }
}
