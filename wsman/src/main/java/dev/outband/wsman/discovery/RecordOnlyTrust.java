package dev.outband.wsman.discovery;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any server certificate, for the discovery probe only: it sends no credentials and nothing it
 * learns is trusted, it only records the fingerprint so that adding the device can pin exactly that
 * certificate. Extended, so the JDK adds no checks of its own (old AMT certificates use SHA-1).
 */
final class RecordOnlyTrust extends X509ExtendedTrustManager {
    static final RecordOnlyTrust INSTANCE = new RecordOnlyTrust();

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Recorded from the handshake by the probe; not trusted.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        // As above.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        // As above.
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("the probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("the probe is a client only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("the probe is a client only");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
