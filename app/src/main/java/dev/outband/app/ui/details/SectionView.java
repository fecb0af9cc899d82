package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One section's place in the pane: a spinner while reading, the reason when it failed, else the content. */
public final class SectionView<T> {
    private final StackPane root = new StackPane();

    public SectionView(String id, String what, ObservableValue<Load<T>> load, Node content, Consumer<T> fill) {
        root.setId(id);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label reading = new Label("Reading " + what + "…", spinner);
        reading.getStyleClass().add(Styles.TEXT_MUTED);
        Label failed = new Label("", new FontIcon(Feather.ALERT_TRIANGLE));
        failed.setId(id + "Error");
        failed.getStyleClass().add(Styles.DANGER);
        failed.setWrapText(true);
        HBox pending = new HBox(reading);
        pending.setAlignment(Pos.TOP_LEFT);
        StackPane.setAlignment(failed, Pos.TOP_LEFT);
        root.getChildren().addAll(content, pending, failed);
        // Only the shown state takes room: a hidden wrapped label would otherwise size the section.
        for (Node state : root.getChildren()) {
            state.managedProperty().bind(state.visibleProperty());
        }
        load.subscribe(state -> {
            pending.setVisible(state instanceof Load.Pending);
            failed.setVisible(state instanceof Load.Failed);
            content.setVisible(state instanceof Load.Ready);
            switch (state) {
                case Load.Ready<T> ready -> fill.accept(ready.value());
                case Load.Failed<T> f -> failed.setText("Could not read " + what + ": " + f.reason());
                case Load.Pending<T> p -> { }
            }
        });
    }

    public Node node() {
        return root;
    }
}
