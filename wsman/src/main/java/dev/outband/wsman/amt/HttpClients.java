package dev.outband.wsman.amt;

import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.http.DigestInterceptor;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.DeviceTrustManager;
import dev.outband.wsman.tls.LegacyTls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;

/**
 * One shared OkHttpClient; each device gets a cheap variant with its socket factory, trust and digest, and
 * a connection pool of its own.
 */
public final class HttpClients {
    /** Short: an idle pooled connection holds one of the device's few APF channels. */
    private static final Duration TUNNEL_KEEP_ALIVE = Duration.ofSeconds(15);
    /** Idle connections kept per device: enough for the few reads the console makes at once. */
    private static final int IDLE_CONNECTIONS_PER_DEVICE = 2;
    /** Short: after a bulk action on thousands of devices, their idle sockets close within half a minute. */
    private static final Duration DEVICE_KEEP_ALIVE = Duration.ofSeconds(30);
    private static final OkHttpClient SHARED = new OkHttpClient.Builder().followRedirects(false).build();
    /**
     * OkHttp finds a pooled connection by comparing the request with every connection in the pool: with
     * one pool for all devices, each request of a bulk action on a thousand devices compared itself with
     * a thousand connections. A pool per address keeps that to the device's own few.
     */
    private static final Map<String, ConnectionPool> DIRECT_POOLS = new ConcurrentHashMap<>();

    private HttpClients() {
    }

    public static OkHttpClient shared() {
        return SHARED;
    }

    /** Closes every idle connection to directly reached devices (benchmarks start each run from none). */
    public static void evictIdleConnections() {
        DIRECT_POOLS.values().forEach(ConnectionPool::evictAll);
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
        } else {
            b.connectionPool(DIRECT_POOLS.computeIfAbsent(endpoint.host() + ":" + endpoint.port(),
                    address -> new ConnectionPool(IDLE_CONNECTIONS_PER_DEVICE, DEVICE_KEEP_ALIVE.toSeconds(),
                            TimeUnit.SECONDS)));
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
