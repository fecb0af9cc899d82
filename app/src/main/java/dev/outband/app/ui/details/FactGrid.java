package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Name–value rows: names muted on the left, values on the right. */
public final class FactGrid {
    /** One row. */
    public record Fact(String name, String value) {
    }

    private final GridPane grid = new GridPane();

    public FactGrid(String id) {
        grid.setId(id);
        grid.setHgap(16);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(130);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, values);
    }

    public void show(List<Fact> facts) {
        grid.getChildren().clear();
        for (int row = 0; row < facts.size(); row++) {
            Label name = new Label(facts.get(row).name());
            name.getStyleClass().add(Styles.TEXT_MUTED);
            Label value = new Label(facts.get(row).value());
            GridPane.setValignment(name, VPos.TOP);
            grid.addRow(row, name, value);
        }
    }

    public GridPane node() {
        return grid;
    }
}
