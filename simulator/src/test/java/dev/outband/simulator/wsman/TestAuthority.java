package dev.outband.simulator.wsman;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A CA for tests, written here with BouncyCastle so the simulator is checked against certificates it did not make:
 * a root, and leaves signed for a public key (the device's, as AMT hands it out) or for a fresh key.
 */
public final class TestAuthority {
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    public record Leaf(X509Certificate certificate, PrivateKey key) {
    }

    private final X509Certificate root;
    private final PrivateKey rootKey;

    private TestAuthority(X509Certificate root, PrivateKey rootKey) {
        this.root = root;
        this.rootKey = rootKey;
    }

    /** A root whose subject is encoded CN first, then O, then C, like the MPS roots AMT is seen storing. */
    public static TestAuthority create(String commonName) throws GeneralSecurityException {
        KeyPair keys = rsa();
        X500Name name = new X500Name("CN=" + commonName + ",O=Outband Test,C=DE");
        X509v3CertificateBuilder b = builder(name, name, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        extension(b, Extension.basicConstraints, true, new BasicConstraints(true));
        return new TestAuthority(sign(b, keys.getPrivate()), keys.getPrivate());
    }

    public X509Certificate root() {
        return root;
    }

    /** A TLS server certificate for a key the device generated, named {@code host} (CN and SAN). */
    public X509Certificate issue(SubjectPublicKeyInfo key, String host) throws GeneralSecurityException {
        X509v3CertificateBuilder b = builder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + host), key);
        boolean ip = host.matches("[0-9.]+") || host.contains(":");
        extension(b, Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host)));
        extension(b, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return sign(b, rootKey);
    }

    /** A server certificate with a fresh key, e.g. for a CIRA listener. */
    public Leaf issueWithKey(String host) throws GeneralSecurityException {
        KeyPair keys = rsa();
        return new Leaf(issue(SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()), host), keys.getPrivate());
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

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, SubjectPublicKeyInfo key) {
        Instant now = Instant.now();
        return new X509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(365))), subject, key);
    }

    private static void extension(X509v3CertificateBuilder b, org.bouncycastle.asn1.ASN1ObjectIdentifier oid,
            boolean critical, org.bouncycastle.asn1.ASN1Encodable value) throws GeneralSecurityException {
        try {
            b.addExtension(oid, critical, value);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
