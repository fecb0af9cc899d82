package dev.outband.cira.listener;

import java.time.Duration;
import java.util.Objects;

/**
 * How wrong CIRA passwords are slowed down. Each source address's answer waits {@code firstDelay},
 * doubled with each earlier failure up to {@code maxDelay}; after {@code failuresBeforeBan} failures the
 * address is refused, right password or not, for {@code banTime}. Across all addresses, every
 * {@code globalFailures} failures within {@code globalWindow} double a delay every login waits.
 * A wait counts against the handshake deadline, so keep {@code maxDelay} well under it.
 *
 * @param trackedAddresses most addresses remembered at once; the longest quiet one is forgotten first
 */
public record ThrottleSettings(Duration firstDelay, Duration maxDelay, int failuresBeforeBan, Duration banTime,
                               int globalFailures, Duration globalWindow, int trackedAddresses) {
    public ThrottleSettings {
        Objects.requireNonNull(firstDelay);
        Objects.requireNonNull(maxDelay);
        Objects.requireNonNull(banTime);
        Objects.requireNonNull(globalWindow);
        if (failuresBeforeBan < 1 || globalFailures < 1 || trackedAddresses < 1 || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("throttle settings out of range");
        }
    }

    public static ThrottleSettings defaults() {
        return new ThrottleSettings(Duration.ofMillis(500), Duration.ofSeconds(8), 10, Duration.ofMinutes(15), 100,
                Duration.ofMinutes(1), 10_000);
    }
}
