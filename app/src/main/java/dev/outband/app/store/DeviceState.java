package dev.outband.app.store;

import java.time.Instant;

/** What the console last learned about a device; every part may be unknown (null). */
public record DeviceState(String powerState, String amtVersion, Instant lastSeen) {
    public static final DeviceState UNKNOWN = new DeviceState(null, null, null);

    /** This newer state laid over what was known: a part it lacks (null) keeps the known value. */
    public DeviceState over(DeviceState known) {
        return new DeviceState(powerState != null ? powerState : known.powerState,
                amtVersion != null ? amtVersion : known.amtVersion, lastSeen != null ? lastSeen : known.lastSeen);
    }
}
