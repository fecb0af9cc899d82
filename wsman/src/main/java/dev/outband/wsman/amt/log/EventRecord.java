package dev.outband.wsman.amt.log;

import java.time.Instant;

/** One decoded PET event from AMT_MessageLog. */
public record EventRecord(Instant time, int sensorType, int eventOffset, int severity, int entity, String sensor,
        String description, String severityName, String entityName) {

    /** One line a technician reads. */
    public String text() {
        return time + " " + severityName + " " + entityName + ": " + sensor + " - " + description;
    }
}
