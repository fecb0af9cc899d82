package dev.outband.wsman.amt;

import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.tls.TrustPolicy;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * Where and how to reach one device. The socket factory decides how bytes travel (direct TCP,
 * a CIRA channel, ...); WS-Man code never knows. {@code credentials} may be null (none stored).
 */
public record DeviceEndpoint(
        String host,
        int port,
        boolean tls,
        SocketFactory socketFactory,
        DigestCredentials credentials,
        TrustPolicy trust,
        boolean legacyTls) {

    public static final int HTTP_PORT = 16992;
    public static final int TLS_PORT = 16993;

    public DeviceEndpoint {
        Objects.requireNonNull(host);
        Objects.requireNonNull(socketFactory);
        Objects.requireNonNull(trust);
    }

    public static DeviceEndpoint http(String host, int port, DigestCredentials credentials) {
        return new DeviceEndpoint(host, port, false, SocketFactory.getDefault(), credentials,
                new TrustPolicy.FirstUse(), false);
    }

    public static DeviceEndpoint tls(String host, int port, DigestCredentials credentials, TrustPolicy trust) {
        return new DeviceEndpoint(host, port, true, SocketFactory.getDefault(), credentials, trust, false);
    }

    public DeviceEndpoint withSocketFactory(SocketFactory factory) {
        return new DeviceEndpoint(host, port, tls, factory, credentials, trust, legacyTls);
    }

    public DeviceEndpoint withTrust(TrustPolicy policy) {
        return new DeviceEndpoint(host, port, tls, socketFactory, credentials, policy, legacyTls);
    }

    /** AMT 11 and older speak only TLS 1.0/1.1 with older suites; off unless the user opts in. */
    public DeviceEndpoint withLegacyTls(boolean enabled) {
        return new DeviceEndpoint(host, port, tls, socketFactory, credentials, trust, enabled);
    }
}
