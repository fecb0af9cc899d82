package dev.outband.app.cira;

import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.SecretFiles;
import dev.outband.cira.ca.LabCertificateAuthority;
import dev.outband.cira.ca.Pem;
import dev.outband.cira.listener.ServerIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The listener's TLS identity, kept in the data folder so its fingerprint stays the same across
 * restarts: the chain in {@code cira-listener.crt}, the key sealed with the store key. A lab CA in
 * {@code lab-ca/} signs it when there is one; otherwise it is self-signed.
 */
final class ListenerIdentities {
    static final String CHAIN_FILE = "cira-listener.crt";
    static final String KEY_SECRET = "cira-listener-key";
    private static final String COMMON_NAME = "Outband CIRA listener";

    private final Path folder;
    private final SecretFiles secrets;
    private final LabAuthority lab;

    ListenerIdentities(Path folder, SecretFiles secrets) {
        this.folder = folder;
        this.secrets = secrets;
        this.lab = new LabAuthority(folder, secrets, Clock.systemUTC());
    }

    boolean labCaPresent() {
        return lab.exists();
    }

    /** The saved identity when it still fits (valid, signed by the lab CA if one exists), else a new saved one. */
    ServerIdentity resolve(char[] caPassphrase) throws IOException, GeneralSecurityException {
        Optional<ServerIdentity> saved = load();
        if (saved.isPresent() && fits(saved.get())) {
            return saved.get();
        }
        ServerIdentity fresh = labCaPresent() ? issueFromLabCa(caPassphrase)
                : LabCertificateAuthority.selfSignedIdentity(COMMON_NAME, LocalAddresses.names());
        save(fresh);
        return fresh;
    }

    /** The saved leaf certificate, to show its fingerprint before the listener starts. */
    Optional<X509Certificate> savedCertificate() throws IOException, GeneralSecurityException {
        Path chain = folder.resolve(CHAIN_FILE);
        return Files.exists(chain) ? Optional.of(Pem.readCertificates(chain).getFirst()) : Optional.empty();
    }

    private boolean fits(ServerIdentity identity) throws IOException, GeneralSecurityException {
        try {
            identity.certificate().checkValidity();
        } catch (CertificateException expired) {
            return false;
        }
        Optional<X509Certificate> root = lab.root();
        return root.isEmpty() || identity.chain().size() > 1 && identity.chain().getLast().equals(root.get());
    }

    /**
     * The lab CA signs with the passphrase sealed in the store; a CA made with a passphrase of the
     * technician's is opened with the one typed, which is then sealed for next time.
     */
    private ServerIdentity issueFromLabCa(char[] caPassphrase) throws IOException, GeneralSecurityException {
        if (caPassphrase != null && caPassphrase.length > 0) {
            lab.unlock(caPassphrase);
        } else if (!lab.unlocked()) {
            throw new IOException("The lab CA in " + lab.folder() + " signs the listener certificate: enter its passphrase");
        }
        return lab.issueListenerIdentity(COMMON_NAME, LocalAddresses.names());
    }

    private Optional<ServerIdentity> load() throws IOException, GeneralSecurityException {
        Path chain = folder.resolve(CHAIN_FILE);
        if (!Files.exists(chain) || !secrets.exists(KEY_SECRET)) {
            return Optional.empty();
        }
        String key;
        try {
            key = secrets.load(KEY_SECRET).orElseThrow().reveal();
        } catch (IllegalStateException otherKey) {
            // Sealed under another store key (a new master password): a new identity replaces it.
            return Optional.empty();
        }
        PrivateKey privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key)));
        List<X509Certificate> certificates = Pem.readCertificates(chain);
        List<X509Certificate> roots = certificates.size() > 1 ? List.of(certificates.getLast()) : List.of();
        return Optional.of(new ServerIdentity(privateKey, certificates, roots));
    }

    private void save(ServerIdentity identity) throws IOException, GeneralSecurityException {
        secrets.save(KEY_SECRET, Base64.getEncoder().encodeToString(identity.privateKey().getEncoded()));
        Files.writeString(folder.resolve(CHAIN_FILE), Pem.certificates(identity.chain()));
    }
}
