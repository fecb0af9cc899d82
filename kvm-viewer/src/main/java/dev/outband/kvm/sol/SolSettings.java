package dev.outband.kvm.sol;

import java.time.Duration;

/**
 * Serial-over-LAN limits and timeouts. The first six are what the console asks of the device in its start
 * message (values as MeshCommander sends them; AMT reads them as milliseconds and bytes); the rest are ours.
 *
 * @param maxTxBuffer            bytes the device may buffer towards the console
 * @param txBufferTimeout        ms the device waits before sending a partly filled buffer
 * @param txOverflowTimeout      ms before a full buffer is dropped (0: never)
 * @param hostRxTimeout          ms of console silence after which the device may end the session
 * @param hostFifoRxFlushTimeout ms before the device flushes its receive FIFO
 * @param heartbeatInterval      ms between the device's heartbeats (0: none, as MeshCommander asks)
 * @param keepAlive              how often the console sends a heartbeat; well inside {@code hostRxTimeout}
 * @param handshakeTimeout       connecting, authenticating and starting SOL together
 * @param maxChunk               the most serial bytes the console puts in one data message
 * @param endTimeout             how long a clean end waits for the device's end reply before closing anyway
 */
public record SolSettings(int maxTxBuffer, int txBufferTimeout, int txOverflowTimeout, int hostRxTimeout,
        int hostFifoRxFlushTimeout, int heartbeatInterval, Duration keepAlive, Duration handshakeTimeout, int maxChunk,
        Duration endTimeout) {
    public SolSettings {
        for (int v : new int[] {maxTxBuffer, txBufferTimeout, txOverflowTimeout, hostRxTimeout, hostFifoRxFlushTimeout,
                heartbeatInterval}) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("SOL start values are 16-bit: " + v);
            }
        }
        if (maxChunk < 1 || maxChunk > 0xFFFF) {
            throw new IllegalArgumentException("a SOL data message holds 1 to 65535 bytes, not " + maxChunk);
        }
        if (!keepAlive.isPositive() || keepAlive.toMillis() >= hostRxTimeout && hostRxTimeout > 0) {
            throw new IllegalArgumentException("the keep-alive must come before the device's receive timeout");
        }
    }

    public static SolSettings defaults() {
        return new SolSettings(10_000, 100, 0, 10_000, 100, 0, Duration.ofSeconds(2), Duration.ofSeconds(20), 1_000,
                Duration.ofSeconds(2));
    }
}
