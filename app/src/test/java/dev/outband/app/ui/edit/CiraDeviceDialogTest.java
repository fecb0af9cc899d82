package dev.outband.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Edit dialog on a real stage for a device that called in over CIRA, as the lab listener stores it. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CiraDeviceDialogTest {
    @TempDir
    Path folder;

    private Stage stage;
    private DeviceStore store;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("Outband"), 400, 300));
        stage.show();
    }

    @BeforeEach
    void openStore() throws Exception {
        store = DeviceStore.open(folder, () -> null);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** As CiraDeviceRegistry adds a device that calls in: no user, no password, the peer's address as host. */
    private Device calledIn() {
        return store.devices().insert(new Device(null, "cira-8c4d2f10", "127.0.0.1", List.of(), null, null,
                TlsMode.NONE, null, Reach.cira("8c4d2f10-0000-4000-8000-000000000001"), DeviceState.UNKNOWN));
    }

    @Test
    void aTunnelledDeviceOffersNoHostOrTlsAndNeedsAUserWithItsPassword(FxRobot robot) throws Exception {
        Device device = calledIn();
        CompletableFuture<Optional<DeviceDraft>> result = show(device);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#password").tryQuery().isPresent());

        assertThat(robot.lookup("#host").tryQuery()).isEmpty();
        assertThat(robot.lookup("#tls").tryQuery()).isEmpty();
        TextField user = robot.lookup("#user").queryAs(TextField.class);
        PasswordField password = robot.lookup("#password").queryAs(PasswordField.class);
        assertThat(user.getText()).isEmpty();
        assertThat(user.getPromptText()).isEqualTo("AMT user, usually admin");
        assertThat(password.getPromptText()).isEqualTo("AMT password");

        robot.interact(() -> password.setText("Cira-Passw0rd"));
        Node ok = robot.lookup("#okButton").query();
        assertThat(ok.isDisabled()).isTrue();
        assertThat(robot.lookup("#userError").queryAs(Label.class).getText())
                .isEqualTo("Enter the AMT user the password belongs to");

        robot.interact(() -> user.setText("admin"));
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);

        DeviceDraft draft = result.get(20, TimeUnit.SECONDS).orElseThrow();
        Device saved = store.devices().update(draft.toDevice(device, store.devices()::seal));
        Device read = store.devices().findByName("cira-8c4d2f10").orElseThrow();
        assertThat(read.user()).isEqualTo("admin");
        assertThat(read.password().reveal()).isEqualTo("Cira-Passw0rd");
        assertThat(read.reach()).isEqualTo(device.reach());
        assertThat(read.host()).isEqualTo(device.host());
        assertThat(saved.tls()).isEqualTo(TlsMode.NONE);
    }

    @Test
    void unchangedIsOfferedOnlyForAPasswordThatIsStored(FxRobot robot) throws Exception {
        Device device = store.devices().update(calledIn().withCredentials("admin", store.devices().seal("x")));
        CompletableFuture<Optional<DeviceDraft>> result = show(device);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#password").tryQuery().isPresent());

        assertThat(robot.lookup("#password").queryAs(PasswordField.class).getPromptText()).isEqualTo("unchanged");
        robot.type(KeyCode.ESCAPE);
        assertThat(result.get(20, TimeUnit.SECONDS)).isEmpty();
    }

    private CompletableFuture<Optional<DeviceDraft>> show(Device device) {
        CompletableFuture<Optional<DeviceDraft>> result = new CompletableFuture<>();
        DeviceFormViewModel form = new DeviceFormViewModel(device, name -> false);
        Platform.runLater(() -> result.complete(DeviceDialog.show(stage, form)));
        return result;
    }
}
