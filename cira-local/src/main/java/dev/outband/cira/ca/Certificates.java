package dev.outband.cira.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds the few certificate shapes the lab needs. RSA throughout: AMT firmware expects it. */
final class Certificates {
    static final int RSA_BITS = 2048;
    private static final String SIGNATURE = "SHA256withRSA";
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    static KeyPair newRsaKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(RSA_BITS, RANDOM);
        return generator.generateKeyPair();
    }

    /** A self-signed CA certificate. */
    static X509Certificate root(X500Name name, KeyPair keys, Duration validity) throws GeneralSecurityException {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        X509v3CertificateBuilder builder = builder(name, name, spki, validity);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(spki));
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode extensions", e);
        }
        return sign(builder, keys.getPrivate());
    }

    /** An end-entity certificate for {@code spki}, signed by the issuer. */
    static X509Certificate leaf(X509Certificate issuer, PrivateKey issuerKey, X500Name subject,
                                SubjectPublicKeyInfo spki, List<String> names, Duration validity,
                                KeyPurposeId... purposes) throws GeneralSecurityException {
        X500Name issuerName = X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
        X509v3CertificateBuilder builder = builder(issuerName, subject, spki, validity);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            endEntityExtensions(builder, utils, spki, names, purposes);
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode extensions", e);
        }
        return sign(builder, issuerKey);
    }

    /** A self-signed end-entity certificate (CA:FALSE), for a server that has no CA to issue one. */
    static X509Certificate selfSignedLeaf(X500Name subject, KeyPair keys, List<String> names, Duration validity,
                                          KeyPurposeId... purposes) throws GeneralSecurityException {
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        X509v3CertificateBuilder builder = builder(subject, subject, spki, validity);
        try {
            endEntityExtensions(builder, new JcaX509ExtensionUtils(), spki, names, purposes);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode extensions", e);
        }
        return sign(builder, keys.getPrivate());
    }

    private static void endEntityExtensions(X509v3CertificateBuilder builder, JcaX509ExtensionUtils utils,
                                            SubjectPublicKeyInfo spki, List<String> names, KeyPurposeId... purposes)
            throws IOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(spki));
        if (!names.isEmpty()) {
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(names));
        }
    }

    /** IP literals become iPAddress entries, everything else dNSName. */
    private static GeneralNames subjectAltNames(List<String> names) {
        return new GeneralNames(names.stream().map(name -> isIpLiteral(name)
                ? new GeneralName(GeneralName.iPAddress, name)
                : new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new));
    }

    private static boolean isIpLiteral(String name) {
        if (name.contains(":")) {
            return true;
        }
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** Whether {@code key} is the private half of {@code publicKey}: a signature made with it verifies. */
    static boolean matches(java.security.PublicKey publicKey, PrivateKey key) throws GeneralSecurityException {
        byte[] probe = new byte[32];
        RANDOM.nextBytes(probe);
        java.security.Signature signer = java.security.Signature.getInstance(SIGNATURE);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance(SIGNATURE);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    static X500Name commonName(String cn) {
        return new X500Name("CN=" + cn.replace(",", "\\,").replace("=", "\\="));
    }


    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, SubjectPublicKeyInfo spki,
                                                    Duration validity) {
        Instant now = Instant.now();
        return new X509v3CertificateBuilder(issuer, new BigInteger(128, RANDOM).abs().add(BigInteger.ONE),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, spki);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign a certificate", e);
        }
    }
}
