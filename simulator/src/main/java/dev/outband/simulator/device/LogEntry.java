package dev.outband.simulator.device;

import java.time.Instant;

/** An audit or event log entry the device recorded after an action. */
public record LogEntry(Instant time, String initiator, int appId, int eventId, String text) {
}
