package dev.outband.simulator.wsman;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocketFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
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

/** Issues CA and device certificates with BouncyCastle and turns them into a TLS server socket factory. */
public final class DeviceCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate with its private key (and the chain above it, leaf first). */
    public record Issued(X509Certificate certificate, PrivateKey key, X509Certificate... chain) {
        @Override
        public String toString() {
            return "Issued[" + certificate.getSubjectX500Principal() + "]";
        }
    }

    private DeviceCertificates() {
    }

    public static Issued authority(String commonName) throws GeneralSecurityException {
        return authority(new X500Name("CN=" + commonName));
    }

    /** A self-signed CA named {@code name} (RDNs encoded in the order given). */
    public static Issued authority(X500Name name) throws GeneralSecurityException {
        KeyPair keys = rsa();
        X509v3CertificateBuilder b = builder(name, name, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
        extension(b, Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate cert = sign(b, keys.getPrivate());
        return new Issued(cert, keys.getPrivate(), cert);
    }

    /** A device certificate for {@code commonName} (also its SAN, as DNS name or IP address). */
    public static Issued device(Issued issuer, String commonName) throws GeneralSecurityException {
        KeyPair keys = rsa();
        X509Certificate cert = issue(issuer, SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
                commonName);
        return new Issued(cert, keys.getPrivate(), cert, issuer.certificate());
    }

    /** A TLS server certificate for a public key made elsewhere (a device's own key pair), named {@code commonName}. */
    public static X509Certificate issue(Issued issuer, SubjectPublicKeyInfo publicKey, String commonName)
            throws GeneralSecurityException {
        X509v3CertificateBuilder b = builder(X500Name.getInstance(issuer.certificate().getSubjectX500Principal()
                .getEncoded()), new X500Name("CN=" + commonName), publicKey);
        boolean ip = commonName.chars().allMatch(c -> Character.isDigit(c) || c == '.') || commonName.contains(":");
        extension(b, Extension.subjectAlternativeName, false, new GeneralNames(
                new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, commonName)));
        extension(b, Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return sign(b, issuer.key());
    }

    public static SSLServerSocketFactory serverSocketFactory(Issued identity) throws GeneralSecurityException {
        return serverContext(identity).getServerSocketFactory();
    }

    /** The TLS server side for {@code identity}, for ports that are not server sockets (CIRA channels). */
    public static SSLContext serverContext(Issued identity) throws GeneralSecurityException {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pass = "sim".toCharArray();
            ks.setKeyEntry("device", identity.key(), pass, identity.chain());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pass);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** A fresh lab CA and a device certificate for 127.0.0.1, for the CLI and quick starts. */
    public static Issued loopbackDevice() throws GeneralSecurityException {
        return device(authority("Outband Simulator CA"), InetAddress.getLoopbackAddress().getHostAddress());
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, SubjectPublicKeyInfo key) {
        Instant now = Instant.now();
        return new X509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject, key);
    }

    private static void extension(X509v3CertificateBuilder b, ASN1ObjectIdentifier oid, boolean critical,
            ASN1Encodable value) throws GeneralSecurityException {
        try {
            b.addExtension(oid, critical, value);
        } catch (java.io.IOException e) {
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
