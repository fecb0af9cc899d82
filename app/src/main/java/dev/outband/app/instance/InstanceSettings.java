package dev.outband.app.instance;

import java.time.Duration;

/**
 * Limits of the console's local door.
 *
 * @param findRunning how long a second start keeps trying to reach a console that holds the lock but may still be starting
 * @param answer      how long either side waits for the other's line
 * @param retry       the pause between two tries to reach it
 * @param maxLine     the longest request line read, before the token is checked
 */
public record InstanceSettings(Duration findRunning, Duration answer, Duration retry, int maxLine) {
    public static InstanceSettings defaults() {
        return new InstanceSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMillis(100), 256);
    }
}
