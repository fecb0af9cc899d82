package dev.outband.app.ca;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.SecretFiles;
import dev.outband.cira.ca.LabCaFolder;
import dev.outband.cira.ca.LabCertificateAuthority;
import dev.outband.cira.ca.Pem;
import dev.outband.cira.ca.RootImport;
import dev.outband.cira.listener.ServerIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The console's lab certificate authority in {@code <data folder>/lab-ca/}: the root certificate in
 * PEM, its key encrypted with a random passphrase that is sealed with the store key, so the key is
 * never on disk in clear and the technician never types it. A CA made before (with a passphrase of
 * the technician's) is opened once with that passphrase, which is then sealed the same way.
 */
public final class LabAuthority {
    public static final String FOLDER = "lab-ca";
    static final String PASSPHRASE_SECRET = "lab-ca-passphrase";
    public static final Duration DEFAULT_DEVICE_VALIDITY = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final SecretFiles secrets;
    private final Clock clock;

    public LabAuthority(Path dataFolder, SecretFiles secrets, Clock clock) {
        this.folder = dataFolder.resolve(FOLDER);
        this.secrets = secrets;
        this.clock = clock;
    }

    public boolean exists() {
        return LabCaFolder.holdsCa(folder);
    }

    public Path folder() {
        return folder;
    }

    /** The root certificate, read without the key (devices and the console's trust need only this). */
    public Optional<X509Certificate> root() throws IOException {
        return rootIn(folder);
    }

    /**
     * The lab root as a root the console trusts for TLS devices. Asked on every connection, so a root
     * created or imported meanwhile counts at once; parsed again only when its file changed, since a
     * bulk action on a thousand TLS devices asks a thousand times.
     */
    public static DeviceConnections.ExtraRoots trustedRoots(Path dataFolder) {
        Path caFolder = dataFolder.resolve(FOLDER);
        Path file = caFolder.resolve(LabCaFolder.ROOT_CERTIFICATE_FILE);
        var cache = new Object() {
            FileTime readAt;
            List<X509Certificate> roots = List.of();
        };
        return () -> {
            FileTime modified = LabCaFolder.holdsCa(caFolder) ? Files.getLastModifiedTime(file) : null;
            synchronized (cache) {
                if (!java.util.Objects.equals(modified, cache.readAt)) {
                    cache.roots = rootIn(caFolder).map(List::of).orElse(List.of());
                    cache.readAt = modified;
                }
                return cache.roots;
            }
        };
    }

    private static Optional<X509Certificate> rootIn(Path caFolder) throws IOException {
        if (!LabCaFolder.holdsCa(caFolder)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pem.readCertificates(caFolder.resolve(LabCaFolder.ROOT_CERTIFICATE_FILE)).getFirst());
        } catch (GeneralSecurityException e) {
            throw new IOException("The lab root certificate cannot be read: " + e.getMessage(), e);
        }
    }

    public X509Certificate create(String name) throws IOException, GeneralSecurityException {
        char[] passphrase = newPassphrase();
        LabCertificateAuthority ca = LabCertificateAuthority.create(folder, passphrase, name);
        secrets.save(PASSPHRASE_SECRET, new String(passphrase));
        restrict();
        return ca.rootCertificate();
    }

    public X509Certificate importRoot(RootImport.Root root) throws IOException, GeneralSecurityException {
        char[] passphrase = newPassphrase();
        LabCertificateAuthority ca = LabCertificateAuthority.importRoot(folder, root.certificate(), root.key(), passphrase);
        secrets.save(PASSPHRASE_SECRET, new String(passphrase));
        restrict();
        return ca.rootCertificate();
    }

    /** True when the CA's key can be used without asking for a passphrase. */
    public boolean unlocked() {
        return secrets.exists(PASSPHRASE_SECRET);
    }

    /** Opens a CA made with a technician's passphrase and keeps that passphrase sealed for next time. */
    public void unlock(char[] passphrase) throws IOException {
        try {
            LabCertificateAuthority.load(folder, passphrase);
        } catch (GeneralSecurityException e) {
            throw new IOException("The lab CA passphrase is wrong", e);
        }
        secrets.save(PASSPHRASE_SECRET, new String(passphrase));
    }

    /** Signs a TLS certificate for a key the device made; recorded in {@link IssuedCertificates}. */
    public X509Certificate issueDeviceCertificate(String device, PublicKey key, List<String> names, Duration validity)
            throws IOException, GeneralSecurityException {
        X509Certificate certificate = open().issueDeviceCertificate(key, names.getFirst(), names, validity);
        issued().record(IssuedCertificates.Issued.of(device, certificate, names, clock.instant()));
        return certificate;
    }

    /** A fresh key and certificate for the listener, signed by the lab root, naming this laptop's addresses. */
    public ServerIdentity issueListenerIdentity(String commonName, List<String> names)
            throws IOException, GeneralSecurityException {
        return open().issueListenerIdentity(commonName, names);
    }

    public IssuedCertificates issued() {
        return new IssuedCertificates(folder);
    }

    /** The root in PEM (for browsers and other consoles) or DER. */
    public void exportRoot(Path file, boolean der) throws IOException, GeneralSecurityException {
        X509Certificate root = root().orElseThrow(() -> new IOException("There is no lab CA yet: create one first"));
        if (der) {
            Files.write(file, root.getEncoded());
        } else {
            Files.writeString(file, Pem.certificates(List.of(root)));
        }
    }

    private LabCertificateAuthority open() throws IOException, GeneralSecurityException {
        if (!exists()) {
            throw new IOException("There is no lab CA yet: create one (Certificates, or outband ca create)");
        }
        Optional<String> passphrase = secrets.load(PASSPHRASE_SECRET).map(s -> s.reveal());
        if (passphrase.isEmpty()) {
            throw new IOException("The lab CA in " + folder + " is locked by its own passphrase: unlock it once"
                    + " (outband ca unlock)");
        }
        return LabCertificateAuthority.load(folder, passphrase.get().toCharArray());
    }

    private void restrict() throws IOException {
        for (Path p : List.of(folder, folder.resolve(LabCaFolder.ROOT_KEY_FILE))) {
            try {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwx------" : "rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the profile folder already keeps other users out.
            }
        }
    }

    private static char[] newPassphrase() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().withoutPadding().encodeToString(random).toCharArray();
    }
}
