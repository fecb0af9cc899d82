package dev.outband.app.ui.transfer;

import atlantafx.base.theme.Styles;
import dev.outband.app.transfer.TransferFormat;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks the export format and whether passwords go into the file (off by default, with a warning). */
final class ExportOptionsDialog {
    record Options(TransferFormat format, boolean includePasswords) {
    }

    private ExportOptionsDialog() {
    }

    static Optional<Options> ask(Window owner) {
        ComboBox<TransferFormat> format = new ComboBox<>();
        format.getItems().setAll(TransferFormat.values());
        format.setValue(TransferFormat.CSV);
        CheckBox passwords = new CheckBox("Include passwords");
        passwords.setId("includePasswords");
        Label warning = new Label("Passwords will be written in clear text. Anyone who can read the file can manage these devices.");
        warning.setWrapText(true);
        warning.setMaxWidth(380);
        warning.getStyleClass().add(Styles.WARNING);
        warning.setStyle("-fx-text-fill: -color-warning-fg;");
        warning.visibleProperty().bind(passwords.selectedProperty());

        Dialog<Options> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export devices");
        dialog.setHeaderText("Export the device list");
        dialog.getDialogPane().setContent(new VBox(10, new Label("Format"), format, passwords, warning));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? new Options(format.getValue(), passwords.isSelected()) : null);
        return dialog.showAndWait();
    }
}
