package dev.outband.app.ui.details;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before a page removes something from a device; Cancel is the default, so a stray Enter removes nothing. */
public final class ConfirmRemoval {
    private ConfirmRemoval() {
    }

    /** True when the technician pressed {@code action}; blocks in a nested event loop as every dialog does. */
    public static boolean confirmed(Window owner, String id, String action, String question, String detail) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, detail, go, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle(action);
        ask.setHeaderText(question);
        ask.getDialogPane().setId(id);
        Button cancel = (Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL);
        ((Button) ask.getDialogPane().lookupButton(go)).setDefaultButton(false);
        cancel.setDefaultButton(true);
        ask.setOnShown(e -> cancel.requestFocus());
        return ask.showAndWait().filter(go::equals).isPresent();
    }
}
