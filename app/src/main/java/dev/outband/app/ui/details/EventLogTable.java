package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import dev.outband.app.ui.TextColumns;
import dev.outband.wsman.amt.log.EventRecord;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The event log (PET records, decoded), newest first. */
final class EventLogTable {
    private final TableView<EventRecord> table;

    EventLogTable() {
        TableColumn<EventRecord, String> severity = TextColumns.narrow("Severity", 100, EventRecord::severityName);
        severity.setCellFactory(c -> new SeverityCell());
        table = LogTable.create("eventLog", "The event log is empty", List.of(
                TextColumns.narrow("Time", 160, e -> DetailsText.time(e.time())),
                severity,
                TextColumns.narrow("Source", 110, EventRecord::entityName),
                TextColumns.of("Description", 260, e -> e.sensor() + ": " + e.description())));
    }

    void show(List<EventRecord> events) {
        table.getItems().setAll(events);
    }

    TableView<EventRecord> node() {
        return table;
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
