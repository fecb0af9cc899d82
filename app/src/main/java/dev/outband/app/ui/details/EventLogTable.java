package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import dev.outband.wsman.amt.log.EventRecord;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The event log (PET records, decoded), newest first. */
final class EventLogTable {
    private final TableView<EventRecord> table = new TableView<>();

    EventLogTable() {
        table.setId("eventLog");
        table.setPlaceholder(new Label("The event log is empty"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        TableColumn<EventRecord, String> severity = column("Severity", 100, EventRecord::severityName);
        severity.setCellFactory(c -> new SeverityCell());
        table.getColumns().setAll(List.of(
                column("Time", 160, e -> DetailsText.time(e.time())),
                severity,
                column("Source", 110, EventRecord::entityName),
                column("Description", 260, e -> e.sensor() + ": " + e.description())));
    }

    void show(List<EventRecord> events) {
        table.getItems().setAll(events);
    }

    TableView<EventRecord> node() {
        return table;
    }

    private static TableColumn<EventRecord, String> column(String title, double width,
                                                           Function<EventRecord, String> text) {
        TableColumn<EventRecord, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        if (!title.equals("Description")) {
            // Short fixed-format columns stay narrow; the text column takes the rest.
            column.setMinWidth(width);
            column.setMaxWidth(width + 40);
        }
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }

    /** Critical entries stand out in red, non-critical in amber. */
    private static final class SeverityCell extends TableCell<EventRecord, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            getStyleClass().removeAll(Styles.DANGER, Styles.WARNING);
            if (!empty && item != null) {
                switch (item) {
                    case "Critical", "Non-recoverable" -> getStyleClass().add(Styles.DANGER);
                    case "Non-critical" -> getStyleClass().add(Styles.WARNING);
                    default -> { }
                }
            }
        }
    }
}
