package dev.outband.app.ui.bulk;

import dev.outband.app.store.Device;
import dev.outband.app.transfer.ResultsCsv;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A window that follows one job on many devices (a power action, TLS, call home): a progress bar with the
 * counts, and a table that fills as results come (device, status, message, power state after). Failed devices
 * can be run again; the table can be copied or saved as CSV. The job runs on a virtual thread.
 */
public final class BulkProgress {
    /** Skipped is not failed: nothing needed doing, or the device was left alone on purpose. */
    public enum Status { DONE, FAILED, SKIPPED }

    /** One device's outcome as the window shows it; {@code after} is the power state read back, or null. */
    public record Row(String device, Status status, String message, String after) {
    }

    /** The job: runs on every device, telling {@code progress} each outcome as it comes. */
    @FunctionalInterface
    public interface Job<R> {
        void run(List<Device> devices, Consumer<R> progress) throws InterruptedException;
    }

    private static final List<String> HEADER = List.of("device", "status", "message", "power state after");

    private final Stage stage = new Stage();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label summary = new Label();
    private final TableView<Row> table = new TableView<>();
    private final Button retry = new Button("Retry failed", new FontIcon(Feather.ROTATE_CW));
    private final String title;
    private final int total;
    private boolean running;
    private Runnable rerun = () -> { };

    /** {@code showAfter}: whether the job reads a power state back (the "After" column). */
    public BulkProgress(Window owner, String title, int total, boolean showAfter) {
        this.title = title;
        this.total = total;
        stage.initOwner(owner);
        stage.setTitle(title + " — " + total + (total == 1 ? " device" : " devices"));
        bar.setId("bulkBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinHeight(8);
        table.setId("bulkResults");
        summary.setId("bulkSummary");
        table.setPlaceholder(new Label("Waiting for the first answer…"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Device", Row::device, 150));
        TableColumn<Row, Row> status = new TableColumn<>("Status");
        status.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        status.setCellFactory(c -> new StatusCell());
        status.setPrefWidth(100);
        table.getColumns().add(status);
        if (showAfter) {
            table.getColumns().add(column("After", Row::after, 110));
        }
        TableColumn<Row, String> message = column("Message", Row::message, 300);
        // a long reason is cut in its cell; the whole of it shows on hover
        message.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        table.getColumns().add(message);

        retry.setId("bulkRetry");
        retry.setDisable(true);
        retry.setOnAction(e -> rerun.run());
        Button copy = new Button("Copy", new FontIcon(Feather.COPY));
        copy.setId("bulkCopy");
        copy.setOnAction(e -> copy());
        Button export = new Button("Export CSV…", new FontIcon(Feather.DOWNLOAD));
        export.setId("bulkExport");
        export.setOnAction(e -> export());
        Button close = new Button("Close");
        close.setId("bulkClose");
        // Esc and Enter both close: nothing in this window waits for an answer
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, retry, copy, export, grow, close);
        VBox root = new VBox(10, bar, summary, table, buttons);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        stage.setScene(new Scene(root, 720, 400));
        showCounts();
    }

    private static TableColumn<Row, String> column(String name, Function<Row, String> value, double width) {
        TableColumn<Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Status as an icon and a word, so it does not rest on colour alone. */
    private static final class StatusCell extends TableCell<Row, Row> {
        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(word(row.status()));
            FontIcon icon = new FontIcon(switch (row.status()) {
                case DONE -> Feather.CHECK_CIRCLE;
                case FAILED -> Feather.X_CIRCLE;
                case SKIPPED -> Feather.MINUS_CIRCLE;
            });
            icon.getStyleClass().add("bulk-" + word(row.status()));
            setGraphic(icon);
        }
    }

    static String word(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Shows the window and starts {@code job}; {@code afterwards} runs on the FX thread each time a run (the first,
     * or a retry) has ended.
     */
    public <R> void start(String threadName, List<Device> devices, Job<R> job, Function<R, Row> toRow,
                          Runnable afterwards) {
        rerun = () -> retryFailed(threadName, devices, job, toRow, afterwards);
        stage.show();
        launch(threadName, devices, job, toRow, afterwards);
    }

    private <R> void launch(String threadName, List<Device> devices, Job<R> job, Function<R, Row> toRow,
                            Runnable afterwards) {
        running = true;
        showCounts();
        Thread.ofVirtual().name(threadName).start(() -> {
            try {
                job.run(devices, r -> {
                    Row row = toRow.apply(r);
                    Platform.runLater(() -> add(row));
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Platform.runLater(() -> {
                running = false;
                showCounts();
                afterwards.run();
            });
        });
    }

    /** Runs the job again on the devices that failed (not the skipped ones); their rows fill in again. */
    private <R> void retryFailed(String threadName, List<Device> devices, Job<R> job, Function<R, Row> toRow,
                                 Runnable afterwards) {
        List<String> failed = table.getItems().stream().filter(r -> r.status() == Status.FAILED).map(Row::device)
                .toList();
        List<Device> again = devices.stream().filter(d -> failed.contains(d.name())).toList();
        if (again.isEmpty() || running) {
            return;
        }
        table.getItems().removeIf(r -> r.status() == Status.FAILED);
        launch(threadName + "-retry", again, job, toRow, afterwards);
    }

    private void add(Row row) {
        table.getItems().add(row);
        showCounts();
    }

    private void showCounts() {
        List<Row> rows = table.getItems();
        long done = rows.stream().filter(r -> r.status() == Status.DONE).count();
        long failed = rows.stream().filter(r -> r.status() == Status.FAILED).count();
        long skipped = rows.stream().filter(r -> r.status() == Status.SKIPPED).count();
        bar.setProgress(total == 0 ? 1 : rows.size() / (double) total);
        List<String> parts = new ArrayList<>();
        parts.add(done + " done");
        if (failed > 0) {
            parts.add(failed + " failed");
        }
        if (skipped > 0) {
            parts.add(skipped + " skipped");
        }
        summary.setText(rows.size() + " of " + total + " answered" + (running ? "" : ", finished") + ": "
                + String.join(", ", parts));
        retry.setDisable(running || failed == 0);
    }

    private List<List<String>> cells() {
        return table.getItems().stream()
                .map(r -> List.of(r.device(), word(r.status()), r.message(), r.after() == null ? "" : r.after()))
                .toList();
    }

    /** Tab-separated with a header line: pastes into a spreadsheet or a ticket as a table. */
    private void copy() {
        StringBuilder text = new StringBuilder(String.join("\t", HEADER)).append('\n');
        cells().forEach(row -> text.append(String.join("\t", row)).append('\n'));
        ClipboardContent content = new ClipboardContent();
        content.putString(text.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the results");
        chooser.setInitialFileName(title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-results.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the table off the FX thread and says where it went. */
    void exportTo(Path file) {
        List<List<String>> rows = cells();
        Thread.ofVirtual().name("bulk-export").start(() -> {
            String said;
            try {
                ResultsCsv.write(file, HEADER, rows);
                said = "Saved to " + file.toAbsolutePath();
            } catch (IOException e) {
                said = "Could not save " + file.toAbsolutePath() + ": " + e.getMessage();
            }
            String text = said;
            Platform.runLater(() -> summary.setText(text));
        });
    }
}
