package dev.outband.app.ui.provisioning;

import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.ActivationProfile.Consent;
import dev.outband.app.store.ActivationProfile.ControlMode;
import dev.outband.app.store.ActivationProfile.Network;
import dev.outband.app.store.HostNames;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Adds or edits an activation profile; passwords left empty keep what is stored, or are generated per device. */
final class ProfileDialog {
    private final Window owner;
    private final ActivationProfile existing;

    ProfileDialog(Window owner, ActivationProfile existing) {
        this.owner = owner;
        this.existing = existing;
    }

    Optional<ProfileDraft> ask() {
        Dialog<ProfileDraft> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(existing == null ? "Add activation profile" : "Edit profile " + existing.name());
        TextField name = new TextField(existing == null ? "" : existing.name());
        name.setId("profileName");
        ChoiceBox<ControlMode> mode = new ChoiceBox<>();
        mode.getItems().setAll(ControlMode.values());
        mode.setValue(existing == null ? ControlMode.CCM : existing.controlMode());
        CheckBox generate = new CheckBox("A new admin password for each device (stored with it)");
        generate.setSelected(existing == null || existing.adminPassword() == null);
        PasswordField admin = new PasswordField();
        admin.setPromptText(existing != null && existing.adminPassword() != null ? "stored — empty keeps it"
                : "AMT admin password for every device");
        admin.disableProperty().bind(generate.selectedProperty());
        PasswordField mebx = new PasswordField();
        mebx.setPromptText("empty: generated per device");
        TextField pfx = new TextField();
        pfx.setEditable(false);
        pfx.setPromptText(existing != null && existing.pkcs12() != null ? "stored" : "provisioning certificate (.pfx)");
        Button browse = new Button("Choose…");
        Path[] chosen = new Path[1];
        browse.setOnAction(e -> {
            FileChooser files = new FileChooser();
            files.getExtensionFilters().add(new FileChooser.ExtensionFilter("PKCS#12", "*.pfx", "*.p12"));
            File f = files.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (f != null) {
                chosen[0] = f.toPath();
                pfx.setText(f.getName());
            }
        });
        PasswordField pfxPassword = new PasswordField();
        TextField suffix = new TextField(existing == null || existing.dnsSuffix() == null ? "" : existing.dnsSuffix());
        suffix.setPromptText("e.g. lab.example.com");
        CheckBox tls = new CheckBox("Turn TLS on (lab certificate)");
        tls.setSelected(existing != null && existing.tls());
        TextField callHome = new TextField(existing == null || !existing.callsHome() ? ""
                : HostNames.join(existing.callHomeAddress(), existing.callHomePort()));
        callHome.setPromptText("this laptop's address[:4433], empty: no call home");
        ChoiceBox<Consent> consent = new ChoiceBox<>();
        consent.getItems().setAll(Consent.values());
        consent.setValue(existing == null ? Consent.ALL : existing.userConsent());
        CheckBox kvm = new CheckBox("KVM");
        CheckBox sol = new CheckBox("SOL");
        CheckBox ider = new CheckBox("IDE-R");
        kvm.setSelected(existing == null || existing.kvm());
        sol.setSelected(existing == null || existing.sol());
        ider.setSelected(existing == null || existing.ider());
        ChoiceBox<Network> network = new ChoiceBox<>();
        network.getItems().setAll(Network.values());
        network.setValue(existing == null ? Network.DHCP : existing.network());
        var acm = Bindings.equal(mode.valueProperty(), ControlMode.ACM);
        for (var n : new javafx.scene.Node[] {mebx, pfx, browse, pfxPassword, suffix}) {
            n.disableProperty().bind(acm.not());
        }

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Control mode"), mode);
        grid.addRow(2, new Label("Admin password"), new HBox(8, admin, generate));
        grid.addRow(3, new Label("MEBx password"), mebx);
        grid.addRow(4, new Label("Provisioning certificate"), new HBox(8, pfx, browse, pfxPassword));
        grid.addRow(5, new Label("DNS suffix"), suffix);
        grid.addRow(6, new Label("TLS"), tls);
        grid.addRow(7, new Label("Call home"), callHome);
        grid.addRow(8, new Label("User consent"), consent);
        grid.addRow(9, new Label("Redirection"), new HBox(12, kvm, sol, ider));
        grid.addRow(10, new Label("Network"), network);
        pfxPassword.setPromptText("its password");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(name.textProperty().isEmpty());
        dialog.setResultConverter(b -> b != ButtonType.OK ? null : new ProfileDraft(existing, name.getText(),
                mode.getValue(), generate.isSelected() ? null : admin.getText(),
                mebx.getText().isEmpty() && (existing == null || existing.mebxPassword() == null) ? null : mebx.getText(),
                chosen[0], pfxPassword.getText(), suffix.getText(), tls.isSelected(), callHome.getText(),
                consent.getValue(), kvm.isSelected(), sol.isSelected(), ider.isSelected(), network.getValue()));
        return dialog.showAndWait();
    }
}
