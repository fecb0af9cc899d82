package dev.outband.app.amt;

import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The JVM's trusted roots, read once: a bulk action on a thousand TLS devices needs them a thousand times. */
public final class SystemRoots {
    private static TrustPolicy.TrustedRoots roots;

    private SystemRoots() {
    }

    public static synchronized TrustPolicy.TrustedRoots get() throws IOException {
        if (roots == null) {
            roots = new TrustPolicy.TrustedRoots(read());
        }
        return roots;
    }

    /** The JVM's roots and {@code extra} (a lab CA's) as one policy. */
    public static TrustPolicy.TrustedRoots with(List<X509Certificate> extra) throws IOException {
        if (extra.isEmpty()) {
            return get();
        }
        List<X509Certificate> all = new ArrayList<>(get().roots());
        all.addAll(extra);
        return new TrustPolicy.TrustedRoots(all);
    }

    private static List<X509Certificate> read() throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            return Arrays.stream(tmf.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                    .flatMap(tm -> Arrays.stream(tm.getAcceptedIssuers())).toList();
        } catch (GeneralSecurityException e) {
            throw new IOException("the JVM's trusted roots cannot be read: " + e.getMessage(), e);
        }
    }
}
