package dev.outband.app.fleet;

import java.time.Instant;

/** What the last poll learned about one device: whether it answered, its power state, and why not. */
public record DeviceStatus(Reachability reachability, String powerState, String problem, Instant checked) {
    public enum Reachability { ONLINE, OFFLINE }

    public boolean online() {
        return reachability == Reachability.ONLINE;
    }
}
