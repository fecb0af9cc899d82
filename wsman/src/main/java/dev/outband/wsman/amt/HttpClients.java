package dev.outband.wsman.amt;

import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.http.DigestInterceptor;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.DeviceTrustManager;
import dev.outband.wsman.tls.LegacyTls;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/** One shared OkHttpClient; each device gets a cheap variant with its socket factory, trust and digest. */
public final class HttpClients {
    /** Short: an idle pooled connection holds one of the device's few APF channels. */
    private static final Duration TUNNEL_KEEP_ALIVE = Duration.ofSeconds(15);
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
                .callTimeout(settings.callTimeout())
                .retryOnConnectionFailure(false)
                .addInterceptor(new DigestInterceptor(endpoint.credentials()));
        if (endpoint.socketFactory() != SocketFactory.getDefault()) {
            // OkHttp pools by host and port, not by socket factory: devices behind one NAT address reached
            // through their own tunnels would otherwise share a pooled connection, and one device's
            // request would reach another. A tunnel's connections stay with this client, and its device's
            // name is not looked up here (see TunnelDns).
            b.connectionPool(new ConnectionPool(2, TUNNEL_KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS))
                    .dns(TunnelDns.INSTANCE);
        }
        if (!endpoint.tls()) {
            return b.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
        }
        DeviceTrustManager trust = new DeviceTrustManager(endpoint.trust(), endpoint.host());
        b.sslSocketFactory(DeviceSslContext.create(endpoint.trust(), endpoint.host()).getSocketFactory(), trust);
        // The trust manager has already matched CN/SAN against the host with a precise error.
        b.hostnameVerifier((host, session) -> true);
        ConnectionSpec spec = endpoint.legacyTls()
                ? new ConnectionSpec.Builder(ConnectionSpec.COMPATIBLE_TLS)
                        .tlsVersions(LegacyTls.LEGACY_PROTOCOLS.toArray(String[]::new))
                        .allEnabledCipherSuites().build()
                : ConnectionSpec.MODERN_TLS;
        return b.connectionSpecs(List.of(spec)).build();
    }
}
