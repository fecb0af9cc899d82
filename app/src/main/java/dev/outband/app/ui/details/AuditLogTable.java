package dev.outband.app.ui.details;

import dev.outband.app.ui.TextColumns;
import dev.outband.wsman.amt.log.AuditRecord;
import java.util.List;
import javafx.scene.control.TableView;

/** The audit log: who did what to the device, newest first. */
final class AuditLogTable {
    private final TableView<AuditRecord> table = LogTable.create("auditLog", "The audit log is empty", List.of(
            TextColumns.narrow("Time", 160, a -> DetailsText.time(a.time())),
            TextColumns.narrow("Initiator", 110, a -> DetailsText.or(a.initiator())),
            TextColumns.of("Event", 280, a -> a.application() + ": " + a.event()
                    + (a.address() == null || a.address().isBlank() ? "" : " (from " + a.address() + ")"))));

    void show(List<AuditRecord> records) {
        table.getItems().setAll(records);
    }

    TableView<AuditRecord> node() {
        return table;
    }
}
