package dev.outband.simulator.activation;

import java.time.Duration;

/**
 * Deadlines and limits of the activation client. Defaults follow rpc-go where it has one: 60 s for the websocket
 * handshake, 4 s for AMT's answer to a relayed request and a 100 ms quiet gap that ends it
 * (internal/lm/service.go, pkg/utils/constants.go).
 *
 * @param connectTimeout    opening the websocket (TCP, TLS and the upgrade)
 * @param serverWait        longest wait for the server's next message (rps pauses 12 s after Setup)
 * @param sendTimeout       one message written to the server
 * @param deviceConnect     opening the device's WS-Man port
 * @param deviceResponse    the device's first response byte after a relayed request
 * @param deviceQuietGap    silence after which a device response counts as complete
 * @param maxMessageBytes   largest message taken from, or sent to, the server
 * @param maxResponseBytes  largest device response relayed
 * @param closeWait         how long a closing handshake may take before the socket is dropped
 * @param session           a whole activation or deactivation, however busy the server keeps it
 */
public record ActivationSettings(Duration connectTimeout, Duration serverWait, Duration sendTimeout,
        Duration deviceConnect, Duration deviceResponse, Duration deviceQuietGap, int maxMessageBytes,
        int maxResponseBytes, Duration closeWait, Duration session) {
    public static ActivationSettings defaults() {
        return new ActivationSettings(Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofMillis(100), 1 << 20, 1 << 20,
                Duration.ofSeconds(2), Duration.ofMinutes(15));
    }

    public ActivationSettings withServerWait(Duration wait) {
        return new ActivationSettings(connectTimeout, wait, sendTimeout, deviceConnect, deviceResponse,
                deviceQuietGap, maxMessageBytes, maxResponseBytes, closeWait, session);
    }

    public ActivationSettings withMaxMessageBytes(int max) {
        return new ActivationSettings(connectTimeout, serverWait, sendTimeout, deviceConnect, deviceResponse,
                deviceQuietGap, max, maxResponseBytes, closeWait, session);
    }
}
