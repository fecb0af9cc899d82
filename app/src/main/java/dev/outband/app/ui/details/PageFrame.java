package dev.outband.app.ui.details;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The common frame of a device page: a short note, its actions, the reason an edit failed, then its section. */
public final class PageFrame {
    private final Label editError = new Label("", new FontIcon(Feather.ALERT_TRIANGLE));
    private final Node root;

    public PageFrame(String id, String note, Node section, Node... actions) {
        editError.setId(id + "EditError");
        editError.getStyleClass().add(Styles.DANGER);
        editError.setWrapText(true);
        editError.managedProperty().bind(editError.visibleProperty());
        editError.setVisible(false);
        Label hint = new Label(note);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        HBox bar = new HBox(8, actions);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, hint, bar, editError, section);
        box.setPadding(new Insets(12));
        VBox.setVgrow(section, Priority.ALWAYS);
        root = box;
    }

    public static Tab tab(String title, Feather icon) {
        Tab tab = new Tab(title);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }

    /** The frame in a scroll pane, for pages whose content is a list of facts. */
    public Node scrolling() {
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    public Node node() {
        return root;
    }

    /** Shows why an edit failed; null hides the text. */
    public void editFailed(String what, String reason) {
        editError.setText(reason == null ? "" : "Could not " + what + ": " + reason);
        editError.setVisible(reason != null);
    }
}
