package dev.outband.app.store;

import java.time.Instant;

/** What the console last learned about a device; every part may be unknown (null). */
public record DeviceState(String powerState, String amtVersion, Instant lastSeen) {
    public static final DeviceState UNKNOWN = new DeviceState(null, null, null);
}
