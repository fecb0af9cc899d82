package dev.outband.cira.ca;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/** Reads an existing root and its key to import as the lab CA: PEM files, or a PKCS#12 file. */
public final class RootImport {
    /** A root certificate with its private key, as read; {@link LabCertificateAuthority#importRoot} checks them. */
    public record Root(X509Certificate certificate, PrivateKey key) {
    }

    private RootImport() {
    }

    /**
     * A PEM certificate and a PEM key: PKCS#8 (clear or encrypted) or OpenSSL's traditional RSA
     * format (clear or encrypted); {@code keyPassword} may be empty for a clear key.
     */
    public static Root fromPem(String certificatePem, String keyPem, char[] keyPassword)
            throws IOException, GeneralSecurityException {
        return new Root(certificate(certificatePem), key(keyPem, keyPassword));
    }

    /** The first key entry of a PKCS#12 file whose certificate is a CA certificate. */
    public static Root fromPkcs12(byte[] pkcs12, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(pkcs12), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || e.getCause() instanceof javax.crypto.BadPaddingException) {
                throw new GeneralSecurityException("the PKCS#12 password is wrong");
            }
            throw new IOException("not a PKCS#12 file: " + e.getMessage(), e);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert
                    && cert.getBasicConstraints() >= 0) {
                Key key;
                try {
                    key = store.getKey(alias, password);
                } catch (UnrecoverableKeyException e) {
                    throw new GeneralSecurityException("the PKCS#12 password does not open its key");
                }
                if (key instanceof PrivateKey privateKey) {
                    return new Root(cert, privateKey);
                }
            }
        }
        throw new GeneralSecurityException("the PKCS#12 file holds no CA certificate with its private key");
    }

    private static X509Certificate certificate(String pem) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().getCertificate(holder);
            }
        }
        throw new IOException("the certificate file holds no PEM certificate");
    }

    private static PrivateKey key(String pem, char[] password) throws IOException, GeneralSecurityException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        Object read;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            read = parser.readObject();
        }
        try {
            return switch (read) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
                case PKCS8EncryptedPrivateKeyInfo encrypted -> converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password)));
                case PEMEncryptedKeyPair encrypted -> converter.getKeyPair(encrypted.decryptKeyPair(
                        new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password))).getPrivate();
                case null, default -> throw new IOException("the key file holds no PEM private key");
            };
        } catch (OperatorCreationException | PKCSException | org.bouncycastle.openssl.EncryptionException e) {
            throw new GeneralSecurityException("the key's password is wrong");
        }
    }
}
