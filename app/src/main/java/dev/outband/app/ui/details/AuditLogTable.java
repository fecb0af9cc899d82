package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import dev.outband.wsman.amt.log.AuditRecord;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The audit log: who did what to the device, newest first. */
final class AuditLogTable {
    private final TableView<AuditRecord> table = new TableView<>();

    AuditLogTable() {
        table.setId("auditLog");
        table.setPlaceholder(new Label("The audit log is empty"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().setAll(List.of(
                column("Time", 160, a -> DetailsText.time(a.time())),
                column("Initiator", 110, a -> DetailsText.or(a.initiator())),
                column("Event", 280, a -> a.application() + ": " + a.event()
                        + (a.address() == null || a.address().isBlank() ? "" : " (from " + a.address() + ")"))));
    }

    void show(List<AuditRecord> records) {
        table.getItems().setAll(records);
    }

    TableView<AuditRecord> node() {
        return table;
    }

    private static TableColumn<AuditRecord, String> column(String title, double width,
                                                           Function<AuditRecord, String> text) {
        TableColumn<AuditRecord, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        if (!title.equals("Event")) {
            // Short fixed-format columns stay narrow; the text column takes the rest.
            column.setMinWidth(width);
            column.setMaxWidth(width + 40);
        }
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }
}
