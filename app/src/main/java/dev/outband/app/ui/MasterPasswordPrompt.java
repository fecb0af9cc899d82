package dev.outband.app.ui;

import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.WrongMasterPasswordException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the master password of a protected store; called from the background thread that opens it. */
public final class MasterPasswordPrompt {
    /** How the console names itself to a second process that finds the store in use. */
    public static final String CONSOLE = DeviceStore.CONSOLE;

    private final Window owner;
    private volatile boolean cancelled;
    private volatile boolean retrying;

    public MasterPasswordPrompt(Window owner) {
        this.owner = owner;
    }

    /** Opens the store, asking again after a mistyped password; cancelling the prompt gives up. Call off the FX thread. */
    public DeviceStore open(Path folder) throws IOException, WrongMasterPasswordException {
        while (true) {
            try {
                return DeviceStore.open(folder, this::ask, CONSOLE);
            } catch (WrongMasterPasswordException e) {
                if (cancelled) {
                    throw e;
                }
                retrying = true;
            }
        }
    }

    /** Blocks the calling (background) thread until the user answers; null when cancelled. */
    public char[] ask() {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            PasswordField field = new PasswordField();
            field.setId("masterPassword");
            Dialog<char[]> dialog = new Dialog<>();
            dialog.initOwner(owner);
            dialog.setTitle("Unlock Outband");
            dialog.setHeaderText(retrying
                    ? "Wrong master password. Try again."
                    : "This device store is protected by a master password.");
            dialog.getDialogPane().setContent(new VBox(8, new Label("Master password"), field));
            dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
            dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
            Platform.runLater(field::requestFocus);
            answer.complete(dialog.showAndWait().orElse(null));
        });
        char[] password = answer.join();
        cancelled = password == null;
        return password;
    }
}
