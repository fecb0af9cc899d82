package dev.outband.simulator.device;

import java.time.Instant;

/** An audit log entry: who did what (AMT application id and event id) and when. */
public record LogEntry(Instant time, String initiator, int appId, int eventId) {
}
