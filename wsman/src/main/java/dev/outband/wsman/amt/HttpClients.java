package dev.outband.wsman.amt;

import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.http.DigestInterceptor;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.DeviceTrustManager;
import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.TlsVersion;

/** One shared OkHttpClient; each device gets a cheap variant with its socket factory, trust and digest. */
public final class HttpClients {
    private static final OkHttpClient SHARED = new OkHttpClient.Builder().followRedirects(false).build();

    private HttpClients() {
    }

    public static OkHttpClient shared() {
        return SHARED;
    }

    public static OkHttpClient forDevice(OkHttpClient shared, DeviceEndpoint endpoint, WsmanSettings settings) {
        OkHttpClient.Builder b = shared.newBuilder()
                .socketFactory(endpoint.socketFactory())
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .retryOnConnectionFailure(false)
                .addInterceptor(new DigestInterceptor(endpoint.credentials()));
        if (!endpoint.tls()) {
            return b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        }
        DeviceTrustManager trust = new DeviceTrustManager(endpoint.trust(), endpoint.host());
        b.sslSocketFactory(DeviceSslContext.create(endpoint.trust(), endpoint.host()).getSocketFactory(), trust);
        // The trust manager has already matched CN/SAN against the host with a precise error.
        b.hostnameVerifier((host, session) -> true);
        ConnectionSpec spec = endpoint.legacyTls()
                ? new ConnectionSpec.Builder(ConnectionSpec.COMPATIBLE_TLS)
                        .tlsVersions(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, TlsVersion.TLS_1_1, TlsVersion.TLS_1_0)
                        .allEnabledCipherSuites().build()
                : ConnectionSpec.MODERN_TLS;
        return b.connectionSpecs(List.of(spec)).build();
    }
}
