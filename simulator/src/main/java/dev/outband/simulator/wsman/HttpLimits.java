package dev.outband.simulator.wsman;

import java.time.Duration;

/**
 * Bounds for the simulator's HTTP server, and the size of the chunks its replies are cut into (real AMT
 * sends a few hundred bytes per chunk, so a client meets replies spread over many chunks).
 */
public record HttpLimits(int maxHeaderBytes, int maxHeaders, int maxBodyBytes, Duration nonceLifetime,
                         int replyChunkBytes) {
    public static HttpLimits defaults() {
        return new HttpLimits(16 * 1024, 64, 1024 * 1024, Duration.ofMinutes(5), 768);
    }
}
