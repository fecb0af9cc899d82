package dev.outband.wsman.amt.log;

import java.time.Instant;

/** One decoded AMT_AuditLog record. */
public record AuditRecord(int appId, int eventId, String application, String event, String initiator,
        Instant time, String address) {
}
