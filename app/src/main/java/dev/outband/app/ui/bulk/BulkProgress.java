package dev.outband.app.ui.bulk;

import dev.outband.app.store.Device;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A small window that follows one job on many devices (a power action, TLS, call home): a progress
 * bar, one line per device as its result comes, and how many failed. The job runs on a virtual thread.
 */
public final class BulkProgress {
    /** One device's outcome as the window shows it. */
    public record Line(boolean ok, String text) {
    }

    /** The job: runs on every device, telling {@code progress} each outcome as it comes. */
    @FunctionalInterface
    public interface Job<R> {
        void run(List<Device> devices, Consumer<R> progress) throws InterruptedException;
    }

    private final Stage stage = new Stage();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label summary = new Label();
    private final ListView<String> lines = new ListView<>();
    private final int total;
    private int done;
    private int failed;

    public BulkProgress(Window owner, String title, int total) {
        this.total = total;
        stage.initOwner(owner);
        stage.setTitle(title + " — " + total + (total == 1 ? " device" : " devices"));
        bar.setMaxWidth(Double.MAX_VALUE);
        lines.setId("bulkResults");
        summary.setId("bulkSummary");
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        HBox bottom = new HBox(12, summary, close);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        VBox root = new VBox(10, bar, lines, bottom);
        VBox.setVgrow(lines, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 560, 320));
        summary.setText("0 of " + total + " done");
    }

    /** Shows the window and starts {@code job}; {@code afterwards} runs on the FX thread when all are done. */
    public <R> void start(String threadName, List<Device> devices, Job<R> job, java.util.function.Function<R, Line> line,
                          Runnable afterwards) {
        stage.show();
        Thread.ofVirtual().name(threadName).start(() -> {
            try {
                job.run(devices, r -> {
                    Line shown = line.apply(r);
                    Platform.runLater(() -> show(shown));
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(afterwards);
        });
    }

    private void show(Line line) {
        done++;
        if (!line.ok()) {
            failed++;
        }
        lines.getItems().add(line.text());
        bar.setProgress(done / (double) total);
        summary.setText(done + " of " + total + " done" + (failed == 0 ? "" : ", " + failed + " failed"));
    }
}
