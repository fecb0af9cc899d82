package dev.outband.app.ui.power;

import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.wsman.amt.power.PowerAction;
import java.util.List;
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

/** A small window that follows one power run: a progress bar and one line per device. */
final class PowerProgress {
    private final Stage stage = new Stage();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label summary = new Label();
    private final ListView<String> lines = new ListView<>();
    private final int total;
    private int done;
    private int failed;

    PowerProgress(Window owner, String action, int total) {
        this.total = total;
        stage.initOwner(owner);
        stage.setTitle(action + " — " + total + (total == 1 ? " device" : " devices"));
        bar.setMaxWidth(Double.MAX_VALUE);
        lines.setId("powerResults");
        summary.setId("powerSummary");
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        HBox bottom = new HBox(12, summary, close);
        HBox.setHgrow(summary, Priority.ALWAYS);
        summary.setMaxWidth(Double.MAX_VALUE);
        VBox root = new VBox(10, bar, lines, bottom);
        VBox.setVgrow(lines, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 520, 320));
        summary.setText("0 of " + total + " done");
    }

    void start(PowerRun run, PowerAction action, List<Device> devices, Runnable afterwards) {
        stage.show();
        Thread.ofVirtual().name("power-" + action.name()).start(() -> {
            try {
                run.perform(action, devices, r -> Platform.runLater(() -> show(r)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(afterwards);
        });
    }

    private void show(PowerRun.Result r) {
        done++;
        if (!r.ok()) {
            failed++;
        }
        lines.getItems().add(r.device() + " — " + (r.ok() ? "done, now " + r.powerState() : r.message()));
        bar.setProgress(done / (double) total);
        summary.setText(done + " of " + total + " done" + (failed == 0 ? "" : ", " + failed + " failed"));
    }
}
