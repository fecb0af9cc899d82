package dev.outband.app.activation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The provisioning certificate of an admin control mode profile (PKCS#12 with its key and chain): the chain in
 * the order AMT takes it (leaf, intermediates, self-signed root), the root's fingerprints that the device must
 * already trust, and the signature over the device's and our nonces. rps reads the same facts
 * (src/certManager.ts, src/stateMachines/activation.ts).
 */
final class ProvisioningCertificate {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    private ProvisioningCertificate(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = List.copyOf(chain);
    }

    static ProvisioningCertificate load(byte[] pkcs12, char[] password) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
                    Certificate[] certificates = store.getCertificateChain(alias);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                        chain.add((X509Certificate) c);
                    }
                    return ordered(key, chain);
                }
            }
            throw new IOException("the PKCS#12 file holds no private key with its certificate");
        } catch (GeneralSecurityException e) {
            throw new IOException("the provisioning certificate cannot be read (wrong password?): " + e.getMessage(), e);
        }
    }

    private static ProvisioningCertificate ordered(PrivateKey key, List<X509Certificate> chain) throws IOException {
        if (chain.size() < 2) {
            throw new IOException("the provisioning certificate's file holds no chain up to its root:"
                    + " export it with the whole chain");
        }
        X509Certificate last = chain.getLast();
        if (!last.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
            throw new IOException("the provisioning certificate's chain ends at " + last.getSubjectX500Principal()
                    + ", which is not a root: export it with the whole chain");
        }
        return new ProvisioningCertificate(key, chain);
    }

    /** Leaf first, root last, as AddNextCertInChain takes them. */
    List<X509Certificate> chain() {
        return chain;
    }

    X509Certificate leaf() {
        return chain.getFirst();
    }

    /**
     * True when one of the device's trusted root hashes (hex of SHA-1, SHA-256 or SHA-384, told apart by length)
     * is our root's.
     */
    boolean rootTrustedBy(List<String> deviceHashes) throws CertificateEncodingException {
        byte[] root = chain.getLast().getEncoded();
        for (String hash : deviceHashes) {
            String algorithm = switch (hash.length()) {
                case 40 -> "SHA-1";
                case 64 -> "SHA-256";
                case 96 -> "SHA-384";
                default -> null;
            };
            if (algorithm != null && hex(algorithm, root).equalsIgnoreCase(hash)) {
                return true;
            }
        }
        return false;
    }

    String rootSha256() throws CertificateEncodingException {
        return hex("SHA-256", chain.getLast().getEncoded());
    }

    /** RSASSA-PKCS1-v1_5 with SHA-256 over ConfigurationNonce followed by McNonce (AdminSetup's SigningAlgorithm 2). */
    byte[] sign(byte[] configurationNonce, byte[] mcNonce) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(configurationNonce);
        signature.update(mcNonce);
        return signature.sign();
    }

    /**
     * Whether a device with DNS suffix {@code deviceSuffix} matches the profile's suffix: the same, or the device's
     * a subdomain of it (rps looks up parent suffixes too). AMT itself compares the certificate's name as well.
     */
    static boolean suffixMatches(String deviceSuffix, String profileSuffix) {
        String d = deviceSuffix.toLowerCase(Locale.ROOT);
        String p = profileSuffix.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return d.equals(p) || d.endsWith("." + p);
    }

    private static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
