package dev.outband.app.ui.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

/** The console's File menu opens Find devices in a window of its own. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FindDevicesMenuTest {
    @TempDir
    static Path home;

    private DeviceStore store;
    private ConsoleFixture console;

    @Start
    void start(Stage stage) throws Exception {
        store = DeviceStore.open(home.resolve("data-" + System.nanoTime()), () -> null);
        console = ConsoleFixture.show(stage, store, new DeviceConnections(DeviceConnections.AMT_PORTS));
    }

    @AfterEach
    void stop() throws Exception {
        console.close();
        store.close();
    }

    @Test
    void fileFindDevicesOpensTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("File").clickOn("#findDevicesMenu");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#discoveryRange").tryQuery().isPresent());
        Stage window = (Stage) robot.lookup("#discoveryRange").query().getScene().getWindow();
        assertThat(window.getTitle()).isEqualTo("Find devices — Outband");
        robot.interact(window::close);
    }
}
