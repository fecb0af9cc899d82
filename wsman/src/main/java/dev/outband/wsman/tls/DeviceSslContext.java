package dev.outband.wsman.tls;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** A TLS context that trusts one device exactly as its policy says; shared by WS-Man and KVM. */
public final class DeviceSslContext {
    private DeviceSslContext() {
    }

    public static SSLContext create(TrustPolicy policy, String host) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new DeviceTrustManager(policy, host)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM offers no TLS", e);
        }
    }
}
