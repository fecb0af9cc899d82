package dev.outband.app.ui.devices;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
class MasterPasswordMenuTest {
    @TempDir
    static Path home;

    private DeviceStore store;
    private ConsoleFixture console;
    private Path folder;

    @Start
    void start(Stage stage) throws Exception {
        folder = home.resolve("data-" + System.nanoTime());
        store = DeviceStore.open(folder, () -> null);
        store.devices().save(Device.of("pc-01", "10.0.0.1").withCredentials("admin", store.devices().seal("Pw#1")));
        console = ConsoleFixture.show(stage, store, new DeviceConnections(DeviceConnections.AMT_PORTS));
    }

    @AfterEach
    void close() {
        console.close();
        store.close();
    }

    @Test
    void optionsSetsAMasterPasswordOnlyWhenBothEntriesAgreeAndTheConsoleKeepsWorking(FxRobot robot) throws Exception {
        robot.clickOn("Options").clickOn("Master password…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newMasterPassword").tryQuery().isPresent());
        type(robot, "#newMasterPassword", "console master");
        type(robot, "#repeatMasterPassword", "console mastre");
        assertThat(robot.lookup("#masterPasswordProblem").queryAs(Label.class).getText()).isEqualTo("The two entries differ");
        assertThat(robot.lookup("Set").queryAs(Button.class).isDisabled()).isTrue();

        type(robot, "#repeatMasterPassword", "console master");
        assertThat(robot.lookup("#masterPasswordProblem").queryAs(Label.class).getText()).isEmpty();
        robot.clickOn("Set");

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("Master password set").tryQuery().isPresent());
        assertThat(DeviceStore.isProtected(folder)).isTrue();
        assertThat(store.devices().findByName("pc-01").orElseThrow().password().reveal()).isEqualTo("Pw#1");
    }

    private static void type(FxRobot robot, String field, String text) {
        PasswordField f = robot.lookup(field).queryAs(PasswordField.class);
        robot.interact(() -> f.setText(text));
    }
}
