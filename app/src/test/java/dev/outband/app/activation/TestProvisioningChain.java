package dev.outband.app.activation;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A provisioning certificate chain made by the test as a CA would issue one for AMT (Intel's AMT provisioning
 * profile): a self-signed root, and a leaf for {@code prov.DOMAIN} with the AMT provisioning extended key usage
 * 2.16.840.1.113741.1.2.3 (the OID rps' domain check requires), as PKCS#12 with the key and the whole chain.
 */
record TestProvisioningChain(byte[] pkcs12, char[] password, X509Certificate leaf, X509Certificate root) {
    static final String AMT_PROVISIONING_EKU = "2.16.840.1.113741.1.2.3";

    static TestProvisioningChain issue(String domain) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rootKey = generator.generateKeyPair();
        KeyPair leafKey = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name rootName = new X500Name("CN=Test Provisioning Root,O=Outband tests");
        X509Certificate root = sign(new JcaX509v3CertificateBuilder(rootName, BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), rootName,
                rootKey.getPublic()).addExtension(Extension.basicConstraints, true, new BasicConstraints(true)),
                rootKey);
        X509Certificate leaf = sign(new JcaX509v3CertificateBuilder(rootName, BigInteger.TWO,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)),
                new X500Name("CN=prov." + domain + ",OU=Intel(R) Client Setup Certificate,O=Outband tests"),
                leafKey.getPublic())
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.id_kp_serverAuth,
                        KeyPurposeId.getInstance(new ASN1ObjectIdentifier(AMT_PROVISIONING_EKU))})),
                rootKey);
        char[] password = "Pfx-Passw0rd".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("provisioning", leafKey.getPrivate(), password, new Certificate[] {leaf, root});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return new TestProvisioningChain(out.toByteArray(), password, leaf, root);
    }

    String rootSha256() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(root.getEncoded()));
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuer.getPrivate())));
    }
}
