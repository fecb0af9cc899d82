package dev.outband.app.ui.lab;

import dev.outband.app.ca.IssuedCertificates;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.LabListener;
import dev.outband.cira.ca.RootImport;
import dev.outband.wsman.tls.Certificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import dev.outband.app.ui.Background;

/** The Certificates window's state: the lab root, what it issued, and the actions on it. */
public final class CertificatesViewModel {
    static final int WARN_DAYS = 30;

    /** One issued certificate as a row; {@code warning} says when it ends soon or has ended. */
    public record IssuedRow(String device, String serial, String notAfter, String warning) {
    }

    private final Background background;
    private final Supplier<LabAuthority> ca;
    private final Clock clock;
    private final ReadOnlyStringWrapper root = new ReadOnlyStringWrapper("Reading…");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper listener = new ReadOnlyStringWrapper("");
    private final ObservableList<IssuedRow> issued = FXCollections.observableArrayList();

    public CertificatesViewModel(Background background, Supplier<LabAuthority> ca, Clock clock) {
        this.background = background;
        this.ca = ca;
        this.clock = clock;
    }

    public void refresh() {
        background.run("Reading the lab CA", () -> read(ca.get()), this::show);
    }

    public void create(String name) {
        background.run("Creating the lab root", () -> {
            LabAuthority authority = ca.get();
            authority.create(name.isBlank() ? "Outband lab root" : name.strip());
            return read(authority);
        }, this::show);
    }

    public void importPkcs12(Path file, char[] password) {
        background.run("Importing the lab root", () -> {
            LabAuthority authority = ca.get();
            authority.importRoot(RootImport.fromPkcs12(Files.readAllBytes(file), password));
            return read(authority);
        }, this::show);
    }

    public void importPem(Path certificate, Path key, char[] password) {
        background.run("Importing the lab root", () -> {
            LabAuthority authority = ca.get();
            authority.importRoot(RootImport.fromPem(Files.readString(certificate), Files.readString(key), password));
            return read(authority);
        }, this::show);
    }

    public void export(Path file, boolean der) {
        background.run("Exporting the lab root", () -> {
            ca.get().exportRoot(file, der);
            return file;
        }, written -> { });
    }

    private record Snapshot(Optional<X509Certificate> root, List<IssuedCertificates.Issued> issued,
                            Optional<X509Certificate> listener) {
    }

    private static Snapshot read(LabAuthority authority) throws Exception {
        return new Snapshot(authority.root(), authority.issued().all(),
                LabListener.savedCertificate(authority.folder().getParent()));
    }

    private void show(Snapshot snapshot) {
        if (snapshot.root().isEmpty()) {
            root.set("No lab CA yet: create a root, or import one.");
            fingerprint.set("");
        } else {
            X509Certificate r = snapshot.root().get();
            root.set(r.getSubjectX500Principal().getName() + ", valid until " + r.getNotAfter().toInstant());
            fingerprint.set("SHA-256 " + Certificates.grouped(Certificates.sha256(r)));
        }
        listener.set(snapshot.listener().map(c -> "Listener certificate: " + c.getSubjectX500Principal().getName()
                + (snapshot.root().isPresent() && c.getIssuerX500Principal().equals(snapshot.root().get()
                        .getSubjectX500Principal()) ? ", issued by the lab root" : ", self-signed")
                + ", valid until " + c.getNotAfter().toInstant() + ", SHA-256 "
                + Certificates.grouped(Certificates.sha256(c)))
                .orElse("Listener certificate: made when the lab listener first starts"));
        Instant now = clock.instant();
        issued.setAll(snapshot.issued().reversed().stream().map(i -> new IssuedRow(i.device(), i.serial(),
                i.notAfter().toString(), !i.notAfter().isAfter(now) ? "expired"
                        : i.expiresWithin(now, WARN_DAYS) ? "ends within " + WARN_DAYS + " days" : "")).toList());
    }

    public ReadOnlyStringProperty root() {
        return root.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fingerprint() {
        return fingerprint.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listener() {
        return listener.getReadOnlyProperty();
    }

    public ObservableList<IssuedRow> issued() {
        return issued;
    }
}
