package dev.outband.simulator.wsman;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An AMT provisioning certificate chain made by the test with BouncyCastle, as the Open AMT docs describe one
 * (root CA, intermediate CA, leaf with EKU 2.16.840.1.113741.1.2.3 and the DNS suffix in its CN), and the
 * AdminSetup signature: RSA-SHA256 over ConfigurationNonce followed by McNonce (rps' SignatureHelper).
 */
public final class ProvisioningCertificates {
    public static final String AMT_PROVISIONING_EKU = "2.16.840.1.113741.1.2.3";
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    public record Chain(List<X509Certificate> leafFirst, PrivateKey leafKey) {
        public X509Certificate root() {
            return leafFirst.getLast();
        }

        /** Each certificate as AddNextCertInChain takes it: single-line base64 DER. */
        public List<String> base64() {
            return leafFirst.stream().map(c -> {
                try {
                    return Base64.getEncoder().encodeToString(c.getEncoded());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }

        public String sign(byte[] configurationNonce, byte[] mcNonce) throws GeneralSecurityException {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(leafKey);
            signer.update(configurationNonce);
            signer.update(mcNonce);
            return Base64.getEncoder().encodeToString(signer.sign());
        }
    }

    private ProvisioningCertificates() {
    }

    /** root → intermediate → leaf named {@code leafCn}; {@code provisioningEku} false leaves the AMT EKU out. */
    public static Chain chain(String leafCn, boolean provisioningEku) throws Exception {
        KeyPair rootKey = rsa();
        KeyPair interKey = rsa();
        KeyPair leafKey = rsa();
        X500Name rootName = new X500Name("CN=Outband Test Provisioning Root,O=Outband Test");
        X500Name interName = new X500Name("CN=Outband Test Provisioning Intermediate,O=Outband Test");
        X509Certificate root = ca(rootName, rootName, rootKey, rootKey.getPrivate());
        X509Certificate inter = ca(interName, rootName, interKey, rootKey.getPrivate());
        X509v3CertificateBuilder leaf = builder(interName, new X500Name("CN=" + leafCn + ",O=Outband Test"), leafKey);
        leaf.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        leaf.addExtension(Extension.extendedKeyUsage, false, provisioningEku
                ? new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth,
                        KeyPurposeId.getInstance(new ASN1ObjectIdentifier(AMT_PROVISIONING_EKU))})
                : new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new Chain(List.of(sign(leaf, interKey.getPrivate()), inter, root), leafKey.getPrivate());
    }

    private static X509Certificate ca(X500Name subject, X500Name issuer, KeyPair key, PrivateKey signer)
            throws Exception {
        X509v3CertificateBuilder b = builder(issuer, subject, key);
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        return sign(b, signer);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                key.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }
}
