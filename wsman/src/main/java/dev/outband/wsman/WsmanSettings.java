package dev.outband.wsman;

import java.time.Duration;

/**
 * Every limit and timeout of the WS-Man client in one place, with defaults that suit real AMT.
 *
 * @param connectTimeout TCP (and TLS) connect
 * @param readTimeout longest silence between two reads or writes
 * @param callTimeout the whole call, digest rounds and body included: a reply trickled a byte at a time
 *        never trips {@code readTimeout}, this ends it; longer than {@code operationTimeout}, which the
 *        device may use in full
 * @param maxBodyBytes largest reply body read
 * @param pullMaxElements items asked for per Pull
 * @param maxEnumerationItems items accepted over one whole enumeration
 * @param operationTimeout the OperationTimeout the device is given in each request
 */
public record WsmanSettings(
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        long maxBodyBytes,
        int pullMaxElements,
        int maxEnumerationItems,
        Duration operationTimeout) {

    public static WsmanSettings defaults() {
        return new WsmanSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(90),
                4L * 1024 * 1024, 20, 10_000, Duration.ofSeconds(60));
    }

    public WsmanSettings withReadTimeout(Duration timeout) {
        return new WsmanSettings(connectTimeout, timeout, callTimeout, maxBodyBytes, pullMaxElements,
                maxEnumerationItems, operationTimeout);
    }

    public WsmanSettings withCallTimeout(Duration timeout) {
        return new WsmanSettings(connectTimeout, readTimeout, timeout, maxBodyBytes, pullMaxElements,
                maxEnumerationItems, operationTimeout);
    }

    public WsmanSettings withMaxBodyBytes(long bytes) {
        return new WsmanSettings(connectTimeout, readTimeout, callTimeout, bytes, pullMaxElements,
                maxEnumerationItems, operationTimeout);
    }

    public WsmanSettings withPullMaxElements(int max) {
        return new WsmanSettings(connectTimeout, readTimeout, callTimeout, maxBodyBytes, max, maxEnumerationItems,
                operationTimeout);
    }
}
