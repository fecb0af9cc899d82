package dev.outband.app.fleet;

import java.time.Duration;

/**
 * How the console polls its fleet: every {@code period}, at most {@code concurrency} devices at once; a
 * device that does not answer is asked again after twice the period, then four times, up to {@code backoffCap};
 * a device's last-seen time is written again only when older than {@code seenWriteInterval} (an H2 commit costs
 * file space until H2 reuses it, so a sweep writes only what changed, in one transaction).
 */
public record FleetSettings(Duration period, int concurrency, Duration backoffCap, Duration seenWriteInterval) {
    public static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);
    public static final int DEFAULT_CONCURRENCY = 16;
    public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofMinutes(15);
    public static final Duration DEFAULT_SEEN_WRITE_INTERVAL = Duration.ofMinutes(10);

    public FleetSettings {
        if (period.isNegative() || period.isZero() || concurrency < 1 || backoffCap.compareTo(period) < 0) {
            throw new IllegalArgumentException("Fleet polling needs a positive period, concurrency of at least 1"
                    + " and a backoff cap no shorter than the period");
        }
    }

    public static FleetSettings defaults() {
        return new FleetSettings(DEFAULT_PERIOD, DEFAULT_CONCURRENCY, DEFAULT_BACKOFF_CAP, DEFAULT_SEEN_WRITE_INTERVAL);
    }
}
