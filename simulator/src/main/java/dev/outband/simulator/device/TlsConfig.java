package dev.outband.simulator.device;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The device's TLS set-up as AMT keeps it: a credential context naming the certificate, and remote (network)
 * and local (LMS) settings. Puts are pending; CommitChanges makes them take effect, and only then do the TLS
 * ports serve the certificate (with the chain from the store).
 */
public final class TlsConfig {
    public static final String REMOTE = "Intel(r) AMT 802.3 TLS Settings";
    public static final String LOCAL = "Intel(r) AMT LMS TLS Settings";

    public record Settings(String instanceId, boolean enabled, boolean acceptNonSecureConnections,
            boolean mutualAuthentication) {
    }

    /** What a TLS port serves: the key and the chain, leaf first. */
    public record Identity(PrivateKey key, List<X509Certificate> chain) {
        public Identity {
            chain = List.copyOf(chain);
        }

        @Override
        public String toString() {
            return "Identity[" + chain.getFirst().getSubjectX500Principal() + "]";
        }
    }

    public enum ContextChange { DONE, ALREADY_EXISTS, NO_SUCH_CERTIFICATE, NO_PRIVATE_KEY, NOT_FOUND, IN_USE }

    private final CertificateStore store;
    private final SSLContext serving;
    private Settings remote = new Settings(REMOTE, false, false, false);
    private Settings local = new Settings(LOCAL, false, true, false);
    private Settings committedRemote = remote;
    private String contextCertificate;
    private volatile Identity active;

    public TlsConfig(CertificateStore store) {
        this.store = store;
        try {
            this.serving = SSLContext.getInstance("TLS");
            serving.init(new KeyManager[] {new ActiveIdentityKeys()}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS", e);
        }
    }

    /** The settings as a Get returns them: what was Put, committed or not. */
    public synchronized List<Settings> settings() {
        return List.of(remote, local);
    }

    /** Put of one instance; null when no instance has that InstanceID. Takes effect on commit. */
    public synchronized Settings put(Settings updated) {
        switch (updated.instanceId()) {
            case REMOTE -> remote = updated;
            case LOCAL -> local = updated;
            default -> {
                return null;
            }
        }
        return updated;
    }

    /** The certificate handle of the credential context, if one exists. */
    public synchronized Optional<String> contextCertificate() {
        return Optional.ofNullable(contextCertificate);
    }

    /** Create of AMT_TLSCredentialContext: one per device, a leaf with its private key on the device. */
    public synchronized ContextChange createContext(String certificateId) {
        if (contextCertificate != null) {
            return ContextChange.ALREADY_EXISTS;
        }
        return setContext(certificateId);
    }

    /** Put of the context: another certificate, served after the next commit. */
    public synchronized ContextChange replaceContext(String certificateId) {
        if (contextCertificate == null) {
            return ContextChange.NOT_FOUND;
        }
        return setContext(certificateId);
    }

    private ContextChange setContext(String certificateId) {
        Optional<CertificateStore.CertificateEntry> entry = store.certificate(certificateId);
        if (entry.isEmpty() || entry.get().trustedRoot()) {
            return ContextChange.NO_SUCH_CERTIFICATE;
        }
        if (store.privateKeyFor(entry.get().certificate()).isEmpty()) {
            return ContextChange.NO_PRIVATE_KEY;
        }
        contextCertificate = certificateId;
        return ContextChange.DONE;
    }

    /** Delete of the context; refused while committed TLS still serves it (TLS needs a credential). */
    public synchronized ContextChange deleteContext() {
        if (contextCertificate == null) {
            return ContextChange.NOT_FOUND;
        }
        if (committedRemote.enabled()) {
            return ContextChange.IN_USE;
        }
        contextCertificate = null;
        return ContextChange.DONE;
    }

    /** CommitChanges: the pending settings and context take effect; TLS off again goes back to plain only. */
    public synchronized long commit() {
        if (!remote.enabled()) {
            committedRemote = remote;
            active = null;
            return PtStatus.SUCCESS;
        }
        Optional<X509Certificate> cert = contextCertificate().flatMap(store::certificate)
                .map(CertificateStore.CertificateEntry::certificate);
        Optional<PrivateKey> key = cert.flatMap(store::privateKeyFor);
        if (key.isEmpty()) {
            // TLS enabled without a credential context.
            return PtStatus.DATA_MISSING;
        }
        committedRemote = remote;
        active = new Identity(key.get(), store.chainFor(cert.get()));
        return PtStatus.SUCCESS;
    }

    /** Full unprovisioning: TLS off, no credential context, the plain ports open again. */
    public synchronized void reset() {
        remote = new Settings(REMOTE, false, false, false);
        local = new Settings(LOCAL, false, true, false);
        committedRemote = remote;
        contextCertificate = null;
        active = null;
    }

    /** The certificate the TLS ports serve now, if TLS is on. */
    public Optional<Identity> active() {
        return Optional.ofNullable(active);
    }

    /** Whether the plain ports (16992/16994) still answer: until TLS is committed, or when it allows them. */
    public synchronized boolean acceptsNonSecureConnections() {
        return !committedRemote.enabled() || committedRemote.acceptNonSecureConnections();
    }

    /** The TLS server side for 16993/16995 (direct and through CIRA); no handshake succeeds while TLS is off. */
    public SSLContext sslContext() {
        return serving;
    }

    /** Serves whatever identity is committed at handshake time, so a commit needs no new listening socket. */
    private final class ActiveIdentityKeys extends X509ExtendedKeyManager {
        private static final String ALIAS = "amt-tls";

        private String alias(String keyType) {
            Identity identity = active;
            return identity != null && identity.key().getAlgorithm().equals(keyType) ? ALIAS : null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return alias(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return alias(keyType);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            Identity identity = active;
            return identity == null || !ALIAS.equals(alias) ? null : identity.chain().toArray(X509Certificate[]::new);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Identity identity = active;
            return identity == null || !ALIAS.equals(alias) ? null : identity.key();
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String alias = alias(keyType);
            return alias == null ? null : new String[] {alias};
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
