package dev.outband.wsman;

import java.time.Duration;

/** Every limit and timeout of the WS-Man client in one place, with defaults that suit real AMT. */
public record WsmanSettings(
        Duration connectTimeout,
        Duration readTimeout,
        long maxBodyBytes,
        int pullMaxElements,
        int maxEnumerationItems,
        Duration operationTimeout) {

    public static WsmanSettings defaults() {
        return new WsmanSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 4L * 1024 * 1024, 20, 10_000,
                Duration.ofSeconds(60));
    }

    public WsmanSettings withReadTimeout(Duration timeout) {
        return new WsmanSettings(connectTimeout, timeout, maxBodyBytes, pullMaxElements, maxEnumerationItems,
                operationTimeout);
    }

    public WsmanSettings withMaxBodyBytes(long bytes) {
        return new WsmanSettings(connectTimeout, readTimeout, bytes, pullMaxElements, maxEnumerationItems,
                operationTimeout);
    }

    public WsmanSettings withPullMaxElements(int max) {
        return new WsmanSettings(connectTimeout, readTimeout, maxBodyBytes, max, maxEnumerationItems,
                operationTimeout);
    }
}
