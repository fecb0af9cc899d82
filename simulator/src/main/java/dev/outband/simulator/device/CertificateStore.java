package dev.outband.simulator.device;

import static dev.outband.simulator.device.PtStatus.DUPLICATE;
import static dev.outband.simulator.device.PtStatus.INVALID_CERT;
import static dev.outband.simulator.device.PtStatus.INVALID_KEY_LENGTH;
import static dev.outband.simulator.device.PtStatus.INVALID_PARAMETER;
import static dev.outband.simulator.device.PtStatus.MAX_LIMIT_REACHED;
import static dev.outband.simulator.device.PtStatus.SUCCESS;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * AMT's certificate store: key pairs generated on the device (real RSA keys), certificates added for them
 * and trusted roots. Handles are named as AMT names them ("Intel(r) AMT Key: Handle: 0").
 */
public final class CertificateStore {
    private static final String KEY_PREFIX = "Intel(r) AMT Key: Handle: ";
    private static final String CERT_PREFIX = "Intel(r) AMT Certificate: Handle: ";

    /** A key pair on the device; only its public half ever leaves it. */
    public record KeyPairEntry(String instanceId, KeyPair keys) {
        /** AMT's DERKey: the PKCS#1 RSAPublicKey (not SubjectPublicKeyInfo), base64. */
        public String derKey() {
            byte[] pkcs1 = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes();
            return Base64.getEncoder().encodeToString(pkcs1);
        }

        @Override
        public String toString() {
            return "KeyPairEntry[" + instanceId + "]";
        }
    }

    public record CertificateEntry(String instanceId, X509Certificate certificate, boolean trustedRoot) {
    }

    /** A method's outcome: AMT's return value and, on success, the handle of what was made. */
    public record Added(long returnValue, String instanceId) {
        static Added failed(long returnValue) {
            return new Added(returnValue, null);
        }
    }

    public enum Removal { REMOVED, NOT_FOUND, IN_USE }

    private final LabLimits limits;
    private final Map<String, KeyPairEntry> keys = new LinkedHashMap<>();
    private final Map<String, CertificateEntry> certificates = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private int nextKey;
    private int nextCertificate;

    public CertificateStore(LabLimits limits) {
        this.limits = limits;
    }

    /** Called after every change, outside the store's lock. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** GenerateKeyPair: KeyAlgorithm 0 is RSA, the only one AMT offers; 2048 bits as AMT 16 makes them. */
    public Added generateKeyPair(long algorithm, long length) {
        if (algorithm != 0) {
            return Added.failed(INVALID_PARAMETER);
        }
        if (length != 2048) {
            return Added.failed(INVALID_KEY_LENGTH);
        }
        synchronized (this) {
            if (keys.size() >= limits.keyPairs()) {
                return Added.failed(MAX_LIMIT_REACHED);
            }
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
        String id;
        synchronized (this) {
            id = KEY_PREFIX + nextKey++;
            keys.put(id, new KeyPairEntry(id, pair));
        }
        changed();
        return new Added(SUCCESS, id);
    }

    /** AddCertificate: a leaf needs its key pair on the device; a CA certificate may come without (chain). */
    public Added addCertificate(String base64) {
        Optional<X509Certificate> parsed = parse(base64);
        if (parsed.isEmpty()) {
            return Added.failed(INVALID_CERT);
        }
        X509Certificate cert = parsed.get();
        Added added;
        synchronized (this) {
            if (!isCa(cert) && keyFor(cert.getPublicKey()).isEmpty()) {
                return Added.failed(INVALID_CERT);
            }
            added = add(cert, false);
        }
        return announced(added);
    }

    /** AddTrustedRootCertificate: only a CA certificate is a root. */
    public Added addTrustedRoot(String base64) {
        Optional<X509Certificate> parsed = parse(base64);
        if (parsed.isEmpty() || !isCa(parsed.get())) {
            return Added.failed(INVALID_CERT);
        }
        Added added;
        synchronized (this) {
            added = add(parsed.get(), true);
        }
        return announced(added);
    }

    private Added announced(Added added) {
        if (added.returnValue() == SUCCESS) {
            changed();
        }
        return added;
    }

    private Added add(X509Certificate cert, boolean root) {
        byte[] der = encoded(cert);
        for (CertificateEntry e : certificates.values()) {
            if (Arrays.equals(encoded(e.certificate()), der)) {
                return Added.failed(DUPLICATE);
            }
        }
        if (certificates.size() >= limits.certificates()) {
            return Added.failed(MAX_LIMIT_REACHED);
        }
        String id = CERT_PREFIX + nextCertificate++;
        certificates.put(id, new CertificateEntry(id, cert, root));
        return new Added(SUCCESS, id);
    }

    public synchronized List<KeyPairEntry> keyPairs() {
        return List.copyOf(keys.values());
    }

    public synchronized List<CertificateEntry> certificates() {
        return List.copyOf(certificates.values());
    }

    public synchronized Optional<CertificateEntry> certificate(String instanceId) {
        return Optional.ofNullable(certificates.get(instanceId));
    }

    public synchronized List<X509Certificate> trustedRoots() {
        return certificates.values().stream().filter(CertificateEntry::trustedRoot)
                .map(CertificateEntry::certificate).toList();
    }

    /** The private key for a certificate's public key, when the device generated it. */
    public synchronized Optional<PrivateKey> privateKeyFor(X509Certificate cert) {
        return keyFor(cert.getPublicKey()).map(e -> e.keys().getPrivate());
    }

    /** The leaf followed by the stored certificates that issued it, as AMT sends its chain. */
    public synchronized List<X509Certificate> chainFor(X509Certificate leaf) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (chain.size() <= certificates.size() && !isSelfIssued(current)) {
            X509Certificate child = current;
            Optional<X509Certificate> issuer = certificates.values().stream().map(CertificateEntry::certificate)
                    .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal()))
                    .filter(c -> !chain.contains(c)).findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
            current = issuer.get();
        }
        return List.copyOf(chain);
    }

    /** Deletes a key pair unless {@code inUse} (a certificate in a TLS context) still needs it. */
    public Removal deleteKeyPair(String instanceId, Optional<X509Certificate> inUse) {
        synchronized (this) {
            KeyPairEntry entry = keys.get(instanceId);
            if (entry == null) {
                return Removal.NOT_FOUND;
            }
            if (inUse.isPresent() && Arrays.equals(inUse.get().getPublicKey().getEncoded(),
                    entry.keys().getPublic().getEncoded())) {
                return Removal.IN_USE;
            }
            keys.remove(instanceId);
        }
        changed();
        return Removal.REMOVED;
    }

    /** Deletes a certificate unless it is {@code inUseId} (the TLS context's). */
    public Removal deleteCertificate(String instanceId, Optional<String> inUseId) {
        synchronized (this) {
            if (!certificates.containsKey(instanceId)) {
                return Removal.NOT_FOUND;
            }
            if (inUseId.filter(instanceId::equals).isPresent()) {
                return Removal.IN_USE;
            }
            certificates.remove(instanceId);
        }
        changed();
        return Removal.REMOVED;
    }

    private Optional<KeyPairEntry> keyFor(PublicKey key) {
        byte[] wanted = key.getEncoded();
        return keys.values().stream().filter(e -> Arrays.equals(e.keys().getPublic().getEncoded(), wanted)).findFirst();
    }

    private Optional<X509Certificate> parse(String base64) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (der.length == 0 || der.length > limits.blobBytes()) {
            return Optional.empty();
        }
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (GeneralSecurityException | ClassCastException e) {
            return Optional.empty();
        }
    }

    private static boolean isCa(X509Certificate cert) {
        return cert.getBasicConstraints() >= 0;
    }

    private static boolean isSelfIssued(X509Certificate cert) {
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a parsed certificate has an encoding", e);
        }
    }

    /** Full unprovisioning: every key pair and certificate goes. */
    public void clear() {
        synchronized (this) {
            keys.clear();
            certificates.clear();
        }
        changed();
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
