package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** What the event and audit logs share: a dense table in the device's order (newest first), never re-sorted. */
final class LogTable {
    private LogTable() {
    }

    static <T> TableView<T> create(String id, String whenEmpty, List<TableColumn<T, String>> columns) {
        TableView<T> table = new TableView<>();
        table.setId(id);
        table.setPlaceholder(new Label(whenEmpty));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        columns.forEach(c -> c.setSortable(false));
        table.getColumns().setAll(columns);
        return table;
    }
}
