package dev.outband.app.ui.ider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ider.FloppyImage;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Display;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.ider.BootReadout;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import dev.outband.app.ui.kvm.ConsentDialog;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
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

/**
 * Boot media… in the console on a virtual device over real sockets: a floppy image is attached, the device boots
 * from it, its firmware reads the boot sector (the exact bytes of the image), and the window shows the bytes read
 * and detaches on Stop.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class BootMediaWindowTest {
    @TempDir
    static Path home;

    private final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-ider", "admin", "Sim-Passw0rd")
            .withOptInRequired(0).withBootDuration(Duration.ofMinutes(5)));
    /** Client control mode's default: consent for every redirection, IDE-R included. */
    private final VirtualDevice consenting = new VirtualDevice(DeviceConfig.of("sim-ccm", "admin", "Sim-Passw0rd")
            .withBootDuration(Duration.ofMinutes(5)));
    private DevicePorts ports;
    private DevicePorts consentingPorts;
    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        ports = DevicePorts.open(device, 0, 0, null);
        consentingPorts = DevicePorts.open(consenting, 0, 0, null);
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        for (String name : new String[] {"sim-ider", "sim-ccm"}) {
            store.devices().insert(Device.of(name, "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
        }
        console = ConsoleFixture.show(stage, store, new DeviceConnections(DeviceConnections.Ports.of(
                d -> (d.name().equals("sim-ccm") ? consentingPorts : ports).httpPort(),
                d -> (d.name().equals("sim-ccm") ? consentingPorts : ports).kvmPort())));
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.interact(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && s.getTitle() != null && s.getTitle().startsWith("Boot media")).toList().forEach(Window::hide));
        console.close();
        store.close();
        ports.close();
        consentingPorts.close();
    }

    @Test
    void aFloppyImageIsBootedAndTheWindowShowsTheBytesTheDeviceRead(FxRobot robot) throws Exception {
        byte[] image = FloppyImage.build();
        Path file = Files.write(home.resolve("boot.img"), image);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-ider").queryAll().isEmpty());
        robot.clickOn("sim-ider");
        robot.clickOn("#bootMedia");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#iderImage").queryAll().isEmpty());
        robot.interact(() -> robot.lookup("#iderImage").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#iderStart");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> device.ider().readout().finished());
        BootReadout readout = device.ider().readout();
        assertThat(device.display()).isEqualTo(Display.IDER_BOOT);
        assertThat(readout.sectors()).containsOnlyKeys(0L);
        assertThat(readout.sectors().get(0L)).isEqualTo(Arrays.copyOf(image, 512));
        assertThat(readout.lines()).contains("IDE-R floppy: 2880 sectors of 512 bytes",
                "OEM name: " + FloppyImage.OEM + "  signature 55 AA");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#iderRead").equals(
                "Read by the device: 512 bytes of 1.4 MiB"));
        assertThat(text(robot, "#iderStatus")).isEqualTo(
                "Boot sent: reset to IDE-R floppy (action 200). The device reads from the image as it boots.");
        assertThat(robot.lookup("#iderProgress").queryAs(ProgressBar.class).getProgress())
                .isEqualTo(512.0 / image.length);

        robot.clickOn("#iderStop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#iderStatus").startsWith("Detached"));
        assertThat(text(robot, "#iderStatus")).isEqualTo("Detached. The device read 512 bytes.");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !device.ider().attached());
    }

    @Test
    void aFileThatIsNotWholeSectorsIsRefusedInTheWindow(FxRobot robot) throws Exception {
        Path odd = Files.write(home.resolve("odd.img"), new byte[1000]);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-ider").queryAll().isEmpty());
        robot.clickOn("sim-ider");
        robot.clickOn("#bootMedia");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#iderImage").queryAll().isEmpty());
        robot.interact(() -> robot.lookup("#iderImage").queryAs(TextField.class).setText(odd.toString()));
        robot.clickOn("#iderStart");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#iderStatus").startsWith("Not attached"));
        assertThat(text(robot, "#iderStatus")).isEqualTo(
                "Not attached: odd.img is 1000 bytes: a floppy or USB image must be a whole number of 512-byte sectors");
        assertThat(device.ider().attached()).isFalse();
    }

    @Test
    void inClientControlModeTheConsentCodeComesFirst(FxRobot robot) throws Exception {
        Path file = Files.write(home.resolve("ccm.img"), FloppyImage.build());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("sim-ccm").queryAll().isEmpty());
        robot.clickOn("sim-ccm");
        robot.clickOn("#bootMedia");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#iderImage").queryAll().isEmpty());
        robot.interact(() -> robot.lookup("#iderImage").queryAs(TextField.class).setText(file.toString()));
        robot.clickOn("#iderStart");

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> consentDialog(robot).isPresent());
        assertThat(consenting.ider().attached()).as("nothing attached before consent").isFalse();
        DialogPane pane = consentDialog(robot).orElseThrow();
        assertThat(pane.getHeaderText()).isEqualTo("User consent is required for boot media of sim-ccm");
        String code = consenting.consent().codeOnScreen().orElseThrow();
        robot.interact(() -> {
            ((TextField) pane.lookup("#consentCode")).setText(code);
            ((Button) pane.lookupButton(ConsentDialog.SEND)).fire();
        });

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> consenting.ider().readout().finished());
        assertThat(consenting.ider().readout().lines()).contains("OEM name: " + FloppyImage.OEM + "  signature 55 AA");
        robot.clickOn("#iderStop");
    }

    private static Optional<DialogPane> consentDialog(FxRobot robot) {
        return robot.lookup("#consentDialog").queryAllAs(DialogPane.class).stream()
                .filter(p -> p.getScene() != null && p.getScene().getWindow() != null
                        && p.getScene().getWindow().isShowing())
                .findFirst();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
