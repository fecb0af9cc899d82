package dev.outband.simulator.device;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The checks AMT makes on a provisioning certificate chain uploaded for admin control mode (Intel AMT SDK,
 * "Host Based Configuration"; the certificate requirements in the Open AMT docs): each certificate signed by
 * the next, a self-signed root whose hash is among the device's trusted root hashes, a leaf marked for AMT
 * provisioning (EKU 2.16.840.1.113741.1.2.3 or OU "Intel(R) Client Setup Certificate") whose CN's domain
 * matches the device's DNS suffix, and an RSA-SHA256 signature over ConfigurationNonce || McNonce.
 */
public final class ProvisioningChain {
    public static final String PROVISIONING_EKU = "2.16.840.1.113741.1.2.3";
    public static final String PROVISIONING_OU = "Intel(R) Client Setup Certificate";

    private final List<X509Certificate> leafFirst;

    public ProvisioningChain(List<X509Certificate> leafFirst) {
        this.leafFirst = List.copyOf(leafFirst);
    }

    public X509Certificate leaf() {
        return leafFirst.getFirst();
    }

    /** Signatures up the chain, a self-signed root with a trusted hash, a provisioning leaf, all in date. */
    public boolean verifies(Set<String> trustedHashes) {
        try {
            for (int i = 0; i < leafFirst.size(); i++) {
                X509Certificate cert = leafFirst.get(i);
                X509Certificate issuer = i + 1 < leafFirst.size() ? leafFirst.get(i + 1) : cert;
                cert.checkValidity();
                cert.verify(issuer.getPublicKey());
            }
            return trusted(leafFirst.getLast(), trustedHashes) && provisioningLeaf(leaf());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The leaf CN (less a leading "*.") is the device's suffix, a parent of it, or a host within it. */
    public boolean matchesSuffix(String deviceSuffix) {
        String cn = commonName(leaf());
        if (cn == null || deviceSuffix == null || deviceSuffix.isBlank()) {
            return false;
        }
        String domain = cn.toLowerCase(Locale.ROOT).replaceFirst("^\\*\\.", "");
        String suffix = deviceSuffix.toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
        return domain.equals(suffix) || suffix.endsWith("." + domain) || domain.endsWith("." + suffix);
    }

    /** RSASSA-PKCS1-v1_5 with SHA-256 by the leaf's key over the device's nonce followed by the server's. */
    public boolean signed(byte[] configurationNonce, byte[] mcNonce, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(leaf().getPublicKey());
            verifier.update(configurationNonce);
            verifier.update(mcNonce);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The certificate hashes as AMT lists them: lowercase hex SHA-1, SHA-256 or SHA-384 of the DER. */
    public static String hash(X509Certificate cert, String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static boolean trusted(X509Certificate root, Set<String> trustedHashes) {
        if (!root.getSubjectX500Principal().equals(root.getIssuerX500Principal())) {
            return false;
        }
        return trustedHashes.contains(hash(root, "SHA-256")) || trustedHashes.contains(hash(root, "SHA-1"))
                || trustedHashes.contains(hash(root, "SHA-384"));
    }

    private static boolean provisioningLeaf(X509Certificate leaf) {
        try {
            List<String> usages = leaf.getExtendedKeyUsage();
            if (usages != null && usages.contains(PROVISIONING_EKU)) {
                return true;
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        return rdn(leaf, "OU").stream().anyMatch(PROVISIONING_OU::equals);
    }

    private static String commonName(X509Certificate cert) {
        List<String> cns = rdn(cert, "CN");
        return cns.isEmpty() ? null : cns.getFirst();
    }

    private static List<String> rdn(X509Certificate cert, String type) {
        try {
            return new LdapName(cert.getSubjectX500Principal().getName()).getRdns().stream()
                    .filter(r -> r.getType().equalsIgnoreCase(type)).map(Rdn::getValue).map(String::valueOf).toList();
        } catch (InvalidNameException e) {
            return List.of();
        }
    }
}
