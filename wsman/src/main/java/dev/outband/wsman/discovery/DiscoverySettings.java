package dev.outband.wsman.discovery;

import java.time.Duration;

/**
 * Every limit and timeout of a discovery scan, with defaults that suit a LAN of real AMT devices.
 *
 * @param rmcpPort the presence ping's UDP port (623; a simulator without root uses a high one)
 * @param httpPort AMT's plain web and WS-Man port (16992)
 * @param tlsPort AMT's TLS port (16993)
 * @param hostsPerSecond how many hosts are pinged and probed per second (each ping is sent twice)
 * @param concurrency hosts whose TCP probe may run at once
 * @param hostTimeout the whole TCP probe of one host (both ports, both paths, TLS handshakes included)
 * @param pongWait how long pongs are awaited after the last ping
 */
public record DiscoverySettings(int rmcpPort, int httpPort, int tlsPort, int hostsPerSecond, int concurrency,
                                Duration hostTimeout, Duration pongWait) {
    public DiscoverySettings {
        if (hostsPerSecond < 1 || hostsPerSecond > 100_000) {
            throw new IllegalArgumentException("the rate must be 1..100000 hosts a second: " + hostsPerSecond);
        }
        if (concurrency < 1 || concurrency > 4_096) {
            throw new IllegalArgumentException("the concurrency must be 1..4096: " + concurrency);
        }
        if (hostTimeout.isNegative() || hostTimeout.isZero() || pongWait.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    public static DiscoverySettings defaults() {
        return new DiscoverySettings(623, 16992, 16993, 200, 64, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    public DiscoverySettings withPorts(int rmcp, int http, int tls) {
        return new DiscoverySettings(rmcp, http, tls, hostsPerSecond, concurrency, hostTimeout, pongWait);
    }

    public DiscoverySettings withRate(int perSecond) {
        return new DiscoverySettings(rmcpPort, httpPort, tlsPort, perSecond, concurrency, hostTimeout, pongWait);
    }

    public DiscoverySettings withConcurrency(int hosts) {
        return new DiscoverySettings(rmcpPort, httpPort, tlsPort, hostsPerSecond, hosts, hostTimeout, pongWait);
    }

    public DiscoverySettings withHostTimeout(Duration timeout) {
        return new DiscoverySettings(rmcpPort, httpPort, tlsPort, hostsPerSecond, concurrency, timeout, pongWait);
    }

    public DiscoverySettings withPongWait(Duration wait) {
        return new DiscoverySettings(rmcpPort, httpPort, tlsPort, hostsPerSecond, concurrency, hostTimeout, wait);
    }
}
