package dev.outband.simulator.wsman;

import java.time.Duration;

/** Bounds for the simulator's HTTP server. */
public record HttpLimits(int maxHeaderBytes, int maxHeaders, int maxBodyBytes, Duration nonceLifetime) {
    public static HttpLimits defaults() {
        return new HttpLimits(16 * 1024, 64, 1024 * 1024, Duration.ofMinutes(5));
    }
}
