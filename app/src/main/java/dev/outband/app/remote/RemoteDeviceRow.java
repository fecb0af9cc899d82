package dev.outband.app.remote;

import dev.outband.app.store.Device;
import java.time.Instant;

/**
 * One remote device as the device table shows it: the {@link Device} every console operation takes (its name
 * is "source/device", its reach {@link RemoteId}), the source's name, and what the source says of it.
 */
public record RemoteDeviceRow(String source, Device device, RemoteDeviceInfo info) {
    /** Whether the device is connected to its source now (CIRA up); only connected devices can be managed. */
    public boolean connected() {
        return info.connected();
    }

    /** When the source last heard from it; null when it does not say. */
    public Instant lastSeen() {
        return info.lastSeen();
    }

    public String guid() {
        return info.guid();
    }
}
