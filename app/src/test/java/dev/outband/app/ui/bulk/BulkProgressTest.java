package dev.outband.app.ui.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.store.Device;
import dev.outband.app.ui.bulk.BulkProgress.Row;
import dev.outband.app.ui.bulk.BulkProgress.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The results window on a job whose outcomes are given: retry, CSV export, Esc. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BulkProgressTest {
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private BulkProgress progress;

    @Start
    void start(Stage stage) {
        stage.setScene(new javafx.scene.Scene(new javafx.scene.control.Label("owner"), 200, 100));
        stage.show();
        List<Device> devices = List.of(Device.of("pc-1", "10.0.0.1"), Device.of("pc-2", "10.0.0.2"),
                Device.of("pc-3", "10.0.0.3"));
        progress = new BulkProgress(stage, "Power off", devices.size(), true);
        progress.<Row>start("test-job", devices, (all, each) -> all.forEach(d -> {
            ran.add(d.name());
            each.accept(switch (d.name()) {
                case "pc-1" -> new Row("pc-1", Status.DONE, "done", "Off - Soft");
                case "pc-2" -> new Row("pc-2", Status.FAILED, "=HYPERLINK(\"x\") refused", null);
                default -> new Row("pc-3", Status.SKIPPED, "already off", "Off - Soft");
            });
        }), (Row r) -> r, () -> { });
    }

    @Test
    void retryRunsOnlyTheFailedDevicesAndTheExportNeutralisesFormulas(FxRobot robot, @TempDir Path dir)
            throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#bulkSummary").queryLabeled().getText().contains("finished"));
        assertThat(robot.lookup("#bulkSummary").queryLabeled().getText())
                .isEqualTo("3 of 3 answered, finished: 1 done, 1 failed, 1 skipped");

        robot.interact(() -> robot.lookup("#bulkRetry").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ran.size() == 4
                && robot.lookup("#bulkSummary").queryLabeled().getText().contains("finished"));
        assertThat(ran).containsExactly("pc-1", "pc-2", "pc-3", "pc-2");

        Path csv = dir.resolve("results.csv");
        robot.interact(() -> progress.exportTo(csv));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#bulkSummary").queryLabeled().getText().startsWith("Saved to "));
        assertThat(robot.lookup("#bulkSummary").queryLabeled().getText()).isEqualTo("Saved to " + csv.toAbsolutePath());
        assertThat(Files.readAllLines(csv)).containsExactly(
                "device,status,message,\"power state after\"",
                "pc-1,done,done,\"Off - Soft\"",
                "pc-3,skipped,\"already off\",\"Off - Soft\"",
                "pc-2,failed,\"'=HYPERLINK(\"\"x\"\") refused\",");
    }

    @Test
    void escapeClosesTheWindow(FxRobot robot) throws Exception {
        Window results = robot.lookup("#bulkResults").query().getScene().getWindow();
        robot.interact(results::requestFocus);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !results.isShowing());
    }
}
