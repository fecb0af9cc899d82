package dev.outband.app.cli;

import java.time.Duration;

/**
 * Limits of the store owner's command door ({@link OwnerDoor}).
 *
 * @param connect  how long a command waits to connect to the owner's door
 * @param request  how long the owner waits for each frame of a request (token, working folder, arguments)
 * @param silence  how long either side waits on the other while a command runs (its own work has deadlines; a
 *                 person typing a consent code has this long)
 * @param maxFrame the largest frame either side reads, checked before it is allocated
 * @param maxArgs  the most arguments a forwarded command line may have
 */
public record DoorSettings(Duration connect, Duration request, Duration silence, int maxFrame, int maxArgs) {
    public static DoorSettings defaults() {
        return new DoorSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(15), 64 * 1024, 256);
    }
}
