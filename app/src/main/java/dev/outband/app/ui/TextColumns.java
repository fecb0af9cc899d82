package dev.outband.app.ui;

import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** Table columns whose cells show text read straight off each row's record. */
public final class TextColumns {
    private TextColumns() {
    }

    public static <T> TableColumn<T, String> of(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }

    /**
     * A column whose text also depends on {@code changes}: each visible cell updates in place when it changes,
     * without the table rebuilding its rows.
     */
    public static <T> TableColumn<T, String> live(String title, double width, Function<T, String> text,
                                                  Observable changes) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> text.apply(c.getValue()), changes));
        return column;
    }

    /** Short fixed-format text (a time, a severity) that stays near its width while a wider column takes the rest. */
    public static <T> TableColumn<T, String> narrow(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = of(title, width, text);
        column.setMinWidth(width);
        column.setMaxWidth(width + 40);
        return column;
    }
}
