package dev.outband.app.ui.trust;

import atlantafx.base.theme.Styles;
import dev.outband.app.store.Device;
import dev.outband.wsman.WsmanException.CertificateRejected;
import dev.outband.wsman.tls.Certificates;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Shows a refused certificate and asks whether to pin it to the device. */
final class CertificatePrompt {
    static final ButtonType TRUST = new ButtonType("Trust and pin", ButtonBar.ButtonData.OK_DONE);

    private CertificatePrompt() {
    }

    static boolean accepts(Window owner, Device device, CertificateRejected rejected) {
        Alert ask = new Alert(Alert.AlertType.WARNING, null, TRUST, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle("Certificate of " + device.name());
        ask.setHeaderText("Trust the certificate " + device.name() + " presented?");
        ask.getDialogPane().setId("certificatePrompt");
        ask.getDialogPane().setContent(content(device, rejected));
        ((Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ((Button) ask.getDialogPane().lookupButton(TRUST)).setDefaultButton(false);
        return ask.showAndWait().filter(TRUST::equals).isPresent();
    }

    private static VBox content(Device device, CertificateRejected rejected) {
        Label reason = new Label(rejected.getMessage());
        reason.setWrapText(true);
        reason.getStyleClass().add(Styles.DANGER);
        String fingerprint = Certificates.grouped(rejected.sha256());
        int half = fingerprint.length() / 2 + 1;
        // Two lines of sixteen bytes, so the dialog never wraps a fingerprint mid-byte.
        TextArea details = new TextArea("Subject:  " + rejected.subject() + "\nSHA-256:  "
                + fingerprint.substring(0, half - 1) + "\n          " + fingerprint.substring(half));
        details.setId("certificateDetails");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(4);
        details.setStyle("-fx-font-family: monospace;");
        Label advice = new Label("Compare the fingerprint with the one shown in the device's MEBx or your records. "
                + "If you trust it, Outband will accept exactly this certificate from " + device.name()
                + " from now on, and refuse any other.");
        advice.setWrapText(true);
        VBox box = new VBox(10, reason, details, advice);
        box.setPrefWidth(560);
        return box;
    }
}
