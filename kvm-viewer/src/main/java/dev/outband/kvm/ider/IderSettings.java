package dev.outband.kvm.ider;

import java.time.Duration;

/**
 * The IDE-R session's timeouts and limits.
 *
 * @param rxTimeoutMillis   asked of the device in OpenSession: how long it waits on the console (MeshCommander: 30000)
 * @param txTimeoutMillis   asked of the device in OpenSession (MeshCommander: 0)
 * @param heartbeatMillis   heartbeat interval asked of the device (MeshCommander: 20000)
 * @param protocolVersion   IDE-R protocol version sent in OpenSession (1)
 * @param maxChunk          largest DataToHost payload, whatever buffer the device reports (MeshCommander refuses
 *                          a device read buffer above 8192)
 * @param maxOemData        OEM bytes accepted in the OpenSession reply
 * @param openTimeout       connecting, the redirection handshake and the IDE-R OpenSession together
 * @param idleTimeout       the longest silence from the device once the session is open: it answers or heartbeats
 *                          well within this, so past it the session is dead
 * @param closeTimeout      how long a stop waits to send the close message before it drops the connection
 */
public record IderSettings(
        int rxTimeoutMillis,
        int txTimeoutMillis,
        int heartbeatMillis,
        long protocolVersion,
        int maxChunk,
        int maxOemData,
        Duration openTimeout,
        Duration idleTimeout,
        Duration closeTimeout) {

    public static IderSettings defaults() {
        return new IderSettings(30_000, 0, 20_000, 1, 8192, 255, Duration.ofSeconds(20), Duration.ofSeconds(90),
                Duration.ofSeconds(2));
    }

    public IderSettings withIdleTimeout(Duration idle) {
        return new IderSettings(rxTimeoutMillis, txTimeoutMillis, heartbeatMillis, protocolVersion, maxChunk,
                maxOemData, openTimeout, idle, closeTimeout);
    }
}
