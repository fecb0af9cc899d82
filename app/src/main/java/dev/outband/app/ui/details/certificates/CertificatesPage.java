package dev.outband.app.ui.details.certificates;

import atlantafx.base.theme.Styles;
import dev.outband.app.ui.TextColumns;
import dev.outband.app.ui.details.ConfirmRemoval;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.details.DevicePage;
import dev.outband.app.ui.details.EditDialog;
import dev.outband.app.ui.details.Load;
import dev.outband.app.ui.details.SectionView;
import dev.outband.wsman.amt.certificates.CertificateListing;
import dev.outband.wsman.amt.certificates.DeviceCertificate;
import dev.outband.wsman.tls.Certificates;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javax.security.auth.x500.X500Principal;
import org.kordamp.ikonli.feather.Feather;

/** The certificates the device holds: which are trusted roots, which its TLS ports present; add and remove roots. */
public final class CertificatesPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.systemDefault());

    private final DevicePage<CertificateListing> page;
    private final Tab tab;
    private final TableView<DeviceCertificate> table = new TableView<>();

    public CertificatesPage(DetailsViewModel vm) {
        page = new DevicePage<>(vm, "certificates", device -> device.certificates());
        table.setId("certificateTable");
        table.setPlaceholder(new Label("The device holds no certificates."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getStyleClass().add(Styles.DENSE);
        table.getColumns().setAll(List.of(
                TextColumns.of("Subject", 200, c -> name(c.certificate().getSubjectX500Principal())),
                TextColumns.of("Issuer", 170, c -> name(c.certificate().getIssuerX500Principal())),
                TextColumns.narrow("Valid from", 100, c -> DAY.format(c.certificate().getNotBefore().toInstant())),
                TextColumns.narrow("Valid until", 100, c -> DAY.format(c.certificate().getNotAfter().toInstant())),
                TextColumns.narrow("Root", 70, c -> c.trustedRoot() ? "Trusted" : ""),
                TextColumns.narrow("TLS", 70, c -> usedByTls(c) ? "In use" : ""),
                TextColumns.of("SHA-256", 420, c -> Certificates.grouped(c.sha256()))));
        table.setPrefHeight(260);
        Button add = new Button("Add trusted root…");
        add.setId("addTrustedRoot");
        Button remove = new Button("Remove…");
        remove.setId("removeCertificate");
        add.disableProperty().bind(page.ready().not());
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DeviceCertificate chosen = table.getSelectionModel().getSelectedItem();
            return chosen == null || usedByTls(chosen);
        }, table.getSelectionModel().selectedItemProperty(), page.load()));
        add.setOnAction(e -> add());
        remove.setOnAction(e -> remove(table.getSelectionModel().getSelectedItem()));
        tab = page.tab("Certificates", Feather.AWARD, "Trusted roots let the device check servers it calls (an MPS, "
                + "802.1X). The certificate its TLS ports present cannot be removed while in use.",
                new SectionView<>("certificatesSection", "the certificates", page.load(), table,
                        (CertificateListing l) -> table.getItems().setAll(l.certificates())).node(), add, remove);
    }

    public Tab tab() {
        return tab;
    }

    private boolean usedByTls(DeviceCertificate c) {
        return page.load().get() instanceof Load.Ready<CertificateListing>(CertificateListing l) && l.usedByTls(c);
    }

    /** The common name when there is one, else the whole name. */
    static String name(X500Principal principal) {
        String full = principal.getName(X500Principal.RFC2253);
        for (String part : full.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return full;
    }

    private void add() {
        TextArea pem = new TextArea();
        pem.setId("trustedRootPem");
        pem.setPromptText("-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----");
        pem.setPrefRowCount(10);
        pem.setStyle("-fx-font-family: monospace;");
        Label what = new Label();
        what.setId("trustedRootSubject");
        what.setWrapText(true);
        EditDialog dialog = new EditDialog(page.window(), "trustedRootDialog",
                "Add trusted root", "Add", new VBox(8, new Label("Paste the CA certificate (PEM):"), pem, what));
        dialog.validate(Bindings.createStringBinding(() -> {
            RootCandidate candidate = RootCandidate.read(pem.getText());
            what.setText(candidate.certificate() == null ? "" : "Subject: " + name(candidate.certificate()
                    .getSubjectX500Principal()) + "\nSHA-256: " + Certificates.grouped(Certificates.sha256(candidate.certificate())));
            return candidate.problem();
        }, pem.textProperty()));
        if (dialog.showAndWait()) {
            X509Certificate root = RootCandidate.read(pem.getText()).certificate();
            page.change("Add the trusted root", device -> {
                device.addTrustedRoot(root);
                return "Added " + name(root.getSubjectX500Principal()) + " as a trusted root.";
            });
        }
    }

    private void remove(DeviceCertificate chosen) {
        if (chosen == null) {
            return;
        }
        String subject = name(chosen.certificate().getSubjectX500Principal());
        if (ConfirmRemoval.confirmed(page.window(), "removeCertificateConfirm",
                "Remove", "Remove " + subject + " from the device?",
                "SHA-256 " + Certificates.grouped(chosen.sha256()))) {
            page.change("Remove " + subject, device -> {
                device.deleteCertificate(chosen.instanceId());
                return "Removed " + subject + " from the device.";
            });
        }
    }
}
