package dev.outband.app.ui.devices;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What the table shows when there is nothing to show: first steps for an empty store, a hint for an empty filter. */
final class EmptyStorePlaceholder {
    private EmptyStorePlaceholder() {
    }

    static Node forEmptyStore(Runnable onAdd, Runnable onImport, Runnable onVirtualLab) {
        FontIcon icon = new FontIcon(Feather.SERVER);
        // Inline (kept after the icon font style), because the theme would override setIconSize.
        icon.setStyle(icon.getStyle() + "; -fx-icon-size: 48px;");
        icon.getStyleClass().add(Styles.TEXT_MUTED);
        Label title = new Label("No devices yet");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Add an Intel AMT device by its host name or address and admin credentials,\n"
                + "or import the list you keep in MeshCommander or a CSV file.\n"
                + "No hardware at hand? A virtual lab runs simulated AMT devices inside the console.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.setStyle("-fx-text-alignment: center;");
        Button add = new Button("Add a device", new FontIcon(Feather.PLUS));
        add.setId("placeholderAdd");
        add.getStyleClass().add(Styles.ACCENT);
        add.setDefaultButton(false);
        add.setOnAction(e -> onAdd.run());
        Button importList = new Button("Import a MeshCommander or CSV list…", new FontIcon(Feather.DOWNLOAD));
        importList.setOnAction(e -> onImport.run());
        Button lab = new Button("Add a virtual lab…", new FontIcon(Feather.BOX));
        lab.setId("placeholderVirtualLab");
        lab.setOnAction(e -> onVirtualLab.run());
        for (Button b : new Button[] {add, importList, lab}) {
            // Whole labels: the row is narrower than the window at 1024 pixels already.
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox actions = new HBox(12, add, importList, lab);
        actions.setAlignment(Pos.CENTER);
        VBox box = new VBox(14, icon, title, hint, actions);
        box.setId("emptyStorePlaceholder");
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(760);
        return box;
    }

    static Node forNoMatch() {
        Label label = new Label("No device matches the search or tag filter.");
        label.setId("noMatchPlaceholder");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    static Node forLoading() {
        Label label = new Label("Loading devices…");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }
}
