package dev.outband.app.ui.lab;

import dev.outband.app.ui.EscapeCloses;
import atlantafx.base.theme.Styles;
import dev.outband.app.ui.TextColumns;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The lab CA in a window: its root (create, import, export) and the device certificates it issued. */
public final class CertificatesWindow {
    private final CertificatesViewModel vm;
    private Stage stage;

    public CertificatesWindow(CertificatesViewModel vm) {
        this.vm = vm;
    }

    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            EscapeCloses.on(stage);
            stage.initOwner(owner);
            stage.setTitle("Certificates — Outband");
            if (owner instanceof Stage main) {
                stage.getIcons().setAll(main.getIcons());
            }
            stage.setScene(new Scene(content(), 860, 520));
        }
        vm.refresh();
        stage.show();
        stage.toFront();
    }

    private VBox content() {
        Label title = new Label("Lab certificate authority");
        title.getStyleClass().add(Styles.TITLE_3);
        Label intro = new Label("The lab root signs this laptop's listener certificate and the TLS certificates of "
                + "devices (Lab ▸ Turn TLS on). Give the root to browsers and other consoles with Export.");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        Label root = new Label();
        root.setId("labRoot");
        root.textProperty().bind(vm.root());
        root.setWrapText(true);
        Label fingerprint = new Label();
        fingerprint.setId("labRootFingerprint");
        fingerprint.textProperty().bind(vm.fingerprint());
        fingerprint.getStyleClass().add(Styles.TEXT_MUTED);
        fingerprint.setWrapText(true);
        fingerprint.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(fingerprint, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().add(Styles.BUTTON_ICON);
        copy.disableProperty().bind(vm.fingerprint().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(vm.fingerprint().get().replace("SHA-256 ", ""));
            Clipboard.getSystemClipboard().setContent(c);
        });

        Button create = new Button("Create root…", new FontIcon(Feather.PLUS));
        create.setId("createRoot");
        create.disableProperty().bind(vm.fingerprint().isNotEmpty());
        create.setOnAction(e -> askName().ifPresent(vm::create));
        Button importRoot = new Button("Import…", new FontIcon(Feather.DOWNLOAD));
        importRoot.setId("importRoot");
        importRoot.disableProperty().bind(vm.fingerprint().isNotEmpty());
        importRoot.setOnAction(e -> importRoot());
        Button export = new Button("Export…", new FontIcon(Feather.UPLOAD));
        export.setId("exportRoot");
        export.disableProperty().bind(vm.fingerprint().isEmpty());
        export.setOnAction(e -> export());
        HBox actions = new HBox(8, create, importRoot, export);

        TableView<CertificatesViewModel.IssuedRow> issued = new TableView<>(vm.issued());
        issued.setId("issuedCertificates");
        issued.getColumns().add(TextColumns.of("Device", 220, CertificatesViewModel.IssuedRow::device));
        issued.getColumns().add(TextColumns.of("Serial", 260, CertificatesViewModel.IssuedRow::serial));
        issued.getColumns().add(TextColumns.narrow("Valid until", 200, CertificatesViewModel.IssuedRow::notAfter));
        issued.getColumns().add(TextColumns.of("", 160, CertificatesViewModel.IssuedRow::warning));
        issued.setPlaceholder(new Label("No device certificates issued yet"));
        issued.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label issuedTitle = new Label("Issued device certificates");
        issuedTitle.getStyleClass().add(Styles.TITLE_4);

        Label listener = new Label();
        listener.setId("listenerCertificate");
        listener.textProperty().bind(vm.listener());
        listener.setWrapText(true);
        listener.setMinHeight(Region.USE_PREF_SIZE);
        listener.getStyleClass().add(Styles.TEXT_MUTED);

        VBox box = new VBox(10, title, intro, root, new HBox(6, fingerprint, copy), actions, listener, issuedTitle,
                issued);
        VBox.setVgrow(issued, Priority.ALWAYS);
        box.setPadding(new Insets(16));
        return box;
    }

    private Optional<String> askName() {
        TextInputDialog ask = new TextInputDialog("Outband lab root");
        ask.initOwner(stage);
        ask.setTitle("Create the lab root");
        ask.setHeaderText("A new root (RSA 2048, valid 10 years). Its key stays in this console's data folder, "
                + "sealed with the store key.");
        ask.setContentText("Name");
        return ask.showAndWait();
    }

    private void importRoot() {
        FileChooser choose = new FileChooser();
        choose.setTitle("Root to import: a PKCS#12 file, or the PEM certificate");
        choose.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PKCS#12 or PEM", "*.p12", "*.pfx", "*.pem", "*.crt", "*.cer"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = choose.showOpenDialog(stage);
        if (chosen == null) {
            return;
        }
        String name = chosen.getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            password("The PKCS#12 file's password").ifPresent(pw -> vm.importPkcs12(chosen.toPath(), pw));
            return;
        }
        choose.setTitle("The root's private key (PEM)");
        File key = choose.showOpenDialog(stage);
        if (key != null) {
            password("The key's password (empty for a key without one)")
                    .ifPresent(pw -> vm.importPem(chosen.toPath(), key.toPath(), pw));
        }
    }

    private Optional<char[]> password(String header) {
        Dialog<char[]> ask = new Dialog<>();
        ask.initOwner(stage);
        ask.setTitle("Password");
        ask.setHeaderText(header);
        PasswordField field = new PasswordField();
        ask.getDialogPane().setContent(field);
        ask.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        ask.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
        return ask.showAndWait();
    }

    private void export() {
        FileChooser choose = new FileChooser();
        choose.setTitle("Export the lab root");
        choose.setInitialFileName("outband-lab-root.pem");
        choose.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PEM", "*.pem", "*.crt"),
                new FileChooser.ExtensionFilter("DER", "*.der", "*.cer"));
        File file = choose.showSaveDialog(stage);
        if (file != null) {
            Path path = file.toPath();
            String name = file.getName().toLowerCase(Locale.ROOT);
            vm.export(path, name.endsWith(".der") || name.endsWith(".cer"));
        }
    }
}
