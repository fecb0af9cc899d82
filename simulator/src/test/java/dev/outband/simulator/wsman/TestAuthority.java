package dev.outband.simulator.wsman;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The CA side of a lab for tests: a root, and TLS server certificates signed for a public key (the device's, as
 * AMT hands it out) or for a fresh key (a CIRA listener's).
 */
public final class TestAuthority {
    public record Leaf(X509Certificate certificate, PrivateKey key) {
    }

    private final DeviceCertificates.Issued root;

    private TestAuthority(DeviceCertificates.Issued root) {
        this.root = root;
    }

    /** A root whose subject is encoded CN first, then O, then C, like the MPS roots AMT is seen storing. */
    public static TestAuthority create(String commonName) throws GeneralSecurityException {
        return new TestAuthority(DeviceCertificates.authority(new X500Name("CN=" + commonName + ",O=Outband Test,C=DE")));
    }

    public X509Certificate root() {
        return root.certificate();
    }

    /** A TLS server certificate for a key the device generated, named {@code host} (CN and SAN). */
    public X509Certificate issue(SubjectPublicKeyInfo key, String host) throws GeneralSecurityException {
        return DeviceCertificates.issue(root, key, host);
    }

    /** A server certificate with a fresh key, e.g. for a CIRA listener. */
    public Leaf issueWithKey(String host) throws GeneralSecurityException {
        DeviceCertificates.Issued issued = DeviceCertificates.device(root, host);
        return new Leaf(issued.certificate(), issued.key());
    }

    /** AMT's DERKey is a PKCS#1 RSAPublicKey; a certificate wants it wrapped as SubjectPublicKeyInfo. */
    public static SubjectPublicKeyInfo fromAmtDerKey(String derKey) throws IOException {
        RSAPublicKey pkcs1 = RSAPublicKey.getInstance(Base64.getDecoder().decode(derKey));
        return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                pkcs1);
    }

    public static String base64(X509Certificate cert) throws CertificateEncodingException {
        return Base64.getEncoder().encodeToString(cert.getEncoded());
    }
}
