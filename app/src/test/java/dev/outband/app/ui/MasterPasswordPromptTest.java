package dev.outband.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.store.DeviceStore;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
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
class MasterPasswordPromptTest {
    @TempDir
    Path folder;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new Label("Outband"), 400, 300));
        stage.show();
    }

    @Test
    void aWrongMasterPasswordIsRefusedAndTheRightOneOpensTheStore(FxRobot robot) throws Exception {
        try (DeviceStore store = DeviceStore.open(folder, () -> null)) {
            store.changeMasterPassword(null, "open sesame".toCharArray());
        }
        var prompt = new MasterPasswordPrompt(stage);
        CompletableFuture<DeviceStore> opened = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                opened.complete(prompt.open(folder));
            } catch (Exception e) {
                opened.completeExceptionally(e);
            }
        });

        answer(robot, "not it");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("Wrong master password. Try again.").tryQuery().isPresent());
        answer(robot, "open sesame");

        try (DeviceStore store = opened.get(30, TimeUnit.SECONDS)) {
            assertThat(store.devices().findAll()).isEmpty();
        }
    }

    private static void answer(FxRobot robot, String password) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#masterPassword").tryQuery().isPresent());
        PasswordField field = robot.lookup("#masterPassword").queryAs(PasswordField.class);
        robot.interact(() -> field.setText(password));
        robot.clickOn("OK");
    }
}
