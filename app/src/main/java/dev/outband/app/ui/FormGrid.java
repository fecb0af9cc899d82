package dev.outband.app.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** A dialog's form: a label and a field per row, the field's error beneath it. */
public final class FormGrid {
    private final GridPane grid = new GridPane();
    private int row;

    public FormGrid() {
        grid.setHgap(12);
        grid.setVgap(2);
        ColumnConstraints fields = new ColumnConstraints(300);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), fields);
    }

    /** A row with an error line beneath (an empty line when {@code error} is null). */
    public <N extends Node> N add(String label, N field, StringBinding error) {
        grid.add(new Label(label), 0, row);
        grid.add(field, 1, row);
        grid.add(error == null ? new Label() : error(field.getId() + "Error", error), 1, row + 1);
        row += 2;
        return field;
    }

    /** A small red line that says what is wrong, empty when nothing is. */
    public static Label error(String id, StringBinding message) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        label.setStyle("-fx-text-fill: -color-danger-fg;");
        label.textProperty().bind(message);
        return label;
    }

    public static TextField text(String id, StringProperty value, String prompt) {
        return bound(new TextField(), id, value, prompt);
    }

    public static PasswordField password(String id, StringProperty value, String prompt) {
        return bound(new PasswordField(), id, value, prompt);
    }

    private static <F extends TextInputControl> F bound(F field, String id, StringProperty value, String prompt) {
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    public GridPane node() {
        return grid;
    }
}
