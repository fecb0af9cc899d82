package dev.outband.app.ui;

import dev.outband.app.store.DeviceStore;
import java.util.Arrays;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Options ▸ Master password: sets a master password, or changes or removes the one the store has; the
 * current one is asked first. The fields say what is wrong before anything is sent.
 */
public final class MasterPasswordDialog {
    public static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OTHER);

    /** What the user asked: {@code next} null removes the master password. */
    public record Change(char[] current, char[] next) {
    }

    private MasterPasswordDialog() {
    }

    /** Shows the dialog (FX thread); empty when cancelled. */
    public static Optional<Change> ask(Window owner, boolean protectedNow) {
        PasswordField current = field("currentMasterPassword");
        PasswordField next = field("newMasterPassword");
        PasswordField repeat = field("repeatMasterPassword");
        Label problem = new Label();
        problem.setId("masterPasswordProblem");
        problem.getStyleClass().add("danger");

        GridPane grid = new GridPane(8, 8);
        int row = 0;
        if (protectedNow) {
            grid.addRow(row++, new Label("Current master password"), current);
        }
        grid.addRow(row++, new Label("New master password"), next);
        grid.addRow(row++, new Label("Repeat it"), repeat);
        grid.add(problem, 1, row);

        Dialog<Change> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Master password");
        dialog.setHeaderText(protectedNow
                ? "Change or remove the master password. Everything in the store is sealed anew."
                : "Protect the store with a master password, asked at every start. Everything is sealed anew.");
        dialog.getDialogPane().setContent(grid);
        ButtonType apply = new ButtonType(protectedNow ? "Change" : "Set", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, ButtonType.CANCEL);
        if (protectedNow) {
            dialog.getDialogPane().getButtonTypes().add(1, REMOVE);
            Node remove = dialog.getDialogPane().lookupButton(REMOVE);
            remove.disableProperty().bind(current.textProperty().isEmpty());
        }
        problem.textProperty().bind(Bindings.createStringBinding(() -> problem(next.getText(), repeat.getText()),
                next.textProperty(), repeat.textProperty()));
        BooleanBinding incomplete = problem.textProperty().isNotEmpty().or(next.textProperty().isEmpty());
        if (protectedNow) {
            incomplete = incomplete.or(current.textProperty().isEmpty());
        }
        dialog.getDialogPane().lookupButton(apply).disableProperty().bind(incomplete);
        dialog.setResultConverter(button -> {
            char[] was = protectedNow ? current.getText().toCharArray() : null;
            if (button == apply) {
                return new Change(was, next.getText().toCharArray());
            }
            return button == REMOVE ? new Change(was, null) : null;
        });
        return dialog.showAndWait();
    }

    private static String problem(String next, String repeat) {
        if (next.isEmpty()) {
            return "";
        }
        if (next.length() < DeviceStore.MIN_MASTER_PASSWORD) {
            return "At least " + DeviceStore.MIN_MASTER_PASSWORD + " characters";
        }
        return next.equals(repeat) ? "" : "The two entries differ";
    }

    private static PasswordField field(String id) {
        PasswordField f = new PasswordField();
        f.setId(id);
        return f;
    }

    /** Forgets the typed passwords once the store has used them. */
    public static void clear(Change change) {
        if (change.current() != null) {
            Arrays.fill(change.current(), '\0');
        }
        if (change.next() != null) {
            Arrays.fill(change.next(), '\0');
        }
    }
}
