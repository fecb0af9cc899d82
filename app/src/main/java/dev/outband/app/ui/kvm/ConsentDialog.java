package dev.outband.app.ui.kvm;

import atlantafx.base.theme.Styles;
import dev.outband.app.amt.KvmConsent;
import java.util.Optional;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for the 6-digit user consent code the device shows on its own screen. */
public final class ConsentDialog {
    public static final ButtonType SEND = new ButtonType("Send code", ButtonBar.ButtonData.OK_DONE);

    private ConsentDialog() {
    }

    /**
     * The typed code for {@code feature} ("the remote screen", "boot media") of the device, or empty when the
     * technician cancels; {@code problem} explains a previous attempt.
     */
    public static Optional<String> ask(Window owner, String deviceName, String feature, String problem) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("User consent — " + deviceName);
        dialog.setHeaderText("User consent is required for " + feature + " of " + deviceName);
        dialog.getDialogPane().setId("consentDialog");
        dialog.getDialogPane().getButtonTypes().setAll(SEND, ButtonType.CANCEL);

        Label explain = new Label("The device now shows a 6-digit code on its own screen. Ask the person at "
                + deviceName + " to read it to you, and type it here.");
        explain.setWrapText(true);
        TextField code = new TextField();
        code.setId("consentCode");
        code.setPromptText("6-digit code");
        code.setPrefColumnCount(8);
        code.setStyle("-fx-font-family: monospace; -fx-font-size: 1.4em;");
        // Digits only, at most six: a typo shows at once rather than as a refused code.
        code.setTextFormatter(new TextFormatter<>(change ->
                change.getControlNewText().matches("\\d{0,6}") ? change : null));
        VBox box = new VBox(10, explain, code);
        if (problem != null) {
            Label error = new Label(problem);
            error.setId("consentProblem");
            error.setWrapText(true);
            error.getStyleClass().add(Styles.DANGER);
            box.getChildren().add(1, error);
        }
        box.setPrefWidth(440);
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().lookupButton(SEND).disableProperty()
                .bind(code.textProperty().map(t -> !KvmConsent.wellFormed(t)));
        dialog.setOnShown(e -> code.requestFocus());
        dialog.setResultConverter(button -> button == SEND ? code.getText() : null);
        return dialog.showAndWait();
    }
}
