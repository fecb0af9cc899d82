package dev.outband.cira.ca;

import static dev.outband.cira.ca.LabCaFolder.ROOT_CERTIFICATE_FILE;
import static dev.outband.cira.ca.LabCaFolder.ROOT_KEY_FILE;

import dev.outband.cira.listener.ServerIdentity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * A small certificate authority for a lab: a root kept in a folder (certificate in PEM, key as
 * passphrase-encrypted PKCS#8), which issues the listener's certificate and devices' TLS certificates.
 */
public final class LabCertificateAuthority {
    private static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(397);
    private final X509Certificate root;
    private final PrivateKey rootKey;

    private LabCertificateAuthority(X509Certificate root, PrivateKey rootKey) {
        this.root = root;
        this.rootKey = rootKey;
    }

    /** Creates a root and stores it in {@code folder}; refuses to overwrite an existing one. */
    public static LabCertificateAuthority create(Path folder, char[] passphrase, String name)
            throws IOException, GeneralSecurityException {
        if (LabCaFolder.holdsCa(folder)) {
            throw new IOException("a lab CA already exists in " + folder);
        }
        KeyPair keys = Certificates.newRsaKeyPair();
        X509Certificate root = Certificates.root(Certificates.commonName(name), keys, ROOT_VALIDITY);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(ROOT_CERTIFICATE_FILE), pem(root));
        Files.writeString(folder.resolve(ROOT_KEY_FILE), encryptedPem(keys.getPrivate(), passphrase));
        return new LabCertificateAuthority(root, keys.getPrivate());
    }

    /** Loads the root from {@code folder}; a wrong passphrase fails with a GeneralSecurityException. */
    public static LabCertificateAuthority load(Path folder, char[] passphrase) throws IOException, GeneralSecurityException {
        X509Certificate root;
        try (Reader reader = Files.newBufferedReader(folder.resolve(ROOT_CERTIFICATE_FILE));
             PEMParser parser = new PEMParser(reader)) {
            if (!(parser.readObject() instanceof X509CertificateHolder holder)) {
                throw new IOException(ROOT_CERTIFICATE_FILE + " holds no certificate");
            }
            root = new JcaX509CertificateConverter().getCertificate(holder);
        }
        try (Reader reader = Files.newBufferedReader(folder.resolve(ROOT_KEY_FILE));
             PEMParser parser = new PEMParser(reader)) {
            if (!(parser.readObject() instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
                throw new IOException(ROOT_KEY_FILE + " holds no encrypted PKCS#8 key");
            }
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(passphrase));
            return new LabCertificateAuthority(root, new JcaPEMKeyConverter().getPrivateKey(info));
        } catch (OperatorCreationException | PKCSException e) {
            throw new GeneralSecurityException("cannot decrypt the lab CA key (wrong passphrase?)", e);
        }
    }

    public X509Certificate rootCertificate() {
        return root;
    }

    /** A fresh key and certificate for the listener, naming the laptop's host names and IPs. */
    public ServerIdentity issueListenerIdentity(String commonName, List<String> names) throws GeneralSecurityException {
        KeyPair keys = Certificates.newRsaKeyPair();
        X509Certificate leaf = Certificates.leaf(root, rootKey, Certificates.commonName(commonName),
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), names, LEAF_VALIDITY,
                KeyPurposeId.id_kp_serverAuth);
        return new ServerIdentity(keys.getPrivate(), List.of(leaf, root), List.of(root));
    }

    /** A TLS certificate for a device whose key never leaves it; usable as server and client. */
    public X509Certificate issueDeviceCertificate(SubjectPublicKeyInfo devicePublicKey, String commonName,
                                                  List<String> names) throws GeneralSecurityException {
        return issueDeviceCertificate(devicePublicKey, commonName, names, LEAF_VALIDITY);
    }

    /** As above, valid for {@code validity} from now; never past the root's own end. */
    public X509Certificate issueDeviceCertificate(PublicKey devicePublicKey, String commonName, List<String> names,
                                                  Duration validity) throws GeneralSecurityException {
        return issueDeviceCertificate(SubjectPublicKeyInfo.getInstance(devicePublicKey.getEncoded()), commonName,
                names, validity);
    }

    private X509Certificate issueDeviceCertificate(SubjectPublicKeyInfo devicePublicKey, String commonName,
                                                   List<String> names, Duration validity)
            throws GeneralSecurityException {
        Duration left = Duration.between(java.time.Instant.now(), root.getNotAfter().toInstant());
        if (left.isNegative()) {
            throw new GeneralSecurityException("the lab root expired on " + root.getNotAfter().toInstant()
                    + ": create or import a new one");
        }
        return Certificates.leaf(root, rootKey, Certificates.commonName(commonName), devicePublicKey, names,
                validity.compareTo(left) < 0 ? validity : left, KeyPurposeId.id_kp_serverAuth,
                KeyPurposeId.id_kp_clientAuth);
    }

    /**
     * Stores an existing root and its key in {@code folder} (key encrypted with {@code passphrase}):
     * it must be a CA certificate, still valid, whose public key is the key's.
     */
    public static LabCertificateAuthority importRoot(Path folder, X509Certificate root, PrivateKey key,
                                                     char[] passphrase) throws IOException, GeneralSecurityException {
        if (LabCaFolder.holdsCa(folder)) {
            throw new IOException("a lab CA already exists in " + folder);
        }
        if (root.getBasicConstraints() < 0) {
            throw new GeneralSecurityException("the certificate is not a CA certificate (no CA:TRUE basic constraint)");
        }
        try {
            root.checkValidity();
        } catch (java.security.cert.CertificateExpiredException e) {
            throw new GeneralSecurityException("the root certificate expired on " + root.getNotAfter().toInstant());
        }
        if (!Certificates.matches(root.getPublicKey(), key)) {
            throw new GeneralSecurityException("the private key does not belong to the root certificate");
        }
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(ROOT_CERTIFICATE_FILE), pem(root));
        Files.writeString(folder.resolve(ROOT_KEY_FILE), encryptedPem(key, passphrase));
        return new LabCertificateAuthority(root, key);
    }

    /**
     * The listener identity when no lab CA exists: a self-signed server certificate (not a CA) naming
     * {@code names}, which devices pin by its fingerprint.
     */
    public static ServerIdentity selfSignedIdentity(String commonName, List<String> names) throws GeneralSecurityException {
        KeyPair keys = Certificates.newRsaKeyPair();
        X509Certificate self = Certificates.selfSignedLeaf(Certificates.commonName(commonName), keys, names,
                LEAF_VALIDITY, KeyPurposeId.id_kp_serverAuth);
        return new ServerIdentity(keys.getPrivate(), List.of(self), List.of());
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static String encryptedPem(PrivateKey key, char[] passphrase) throws IOException, GeneralSecurityException {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(Bc.PROVIDER).setPassword(passphrase).build();
            return pem(new JcaPKCS8Generator(key, encryptor).generate());
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot encrypt the lab CA key", e);
        }
    }
}
