package dev.outband.cira.listener;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The listener's TLS key and certificate chain (leaf first), and the roots whose client
 * certificates devices may present.
 */
public record ServerIdentity(PrivateKey privateKey, List<X509Certificate> chain, List<X509Certificate> clientRoots) {
    public ServerIdentity {
        Objects.requireNonNull(privateKey);
        chain = List.copyOf(chain);
        clientRoots = List.copyOf(clientRoots);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs a leaf");
        }
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** A TLS context serving this identity; the listener's other servers (the console's API) use it too. */
    public SSLContext sslContext() throws GeneralSecurityException {
        char[] transientPassword = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try {
            keys.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        keys.setKeyEntry("listener", privateKey, transientPassword, chain.toArray(X509Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, transientPassword);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory trust store", e);
        }
        for (int i = 0; i < clientRoots.size(); i++) {
            trust.setCertificateEntry("client-root-" + i, clientRoots.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }
}
