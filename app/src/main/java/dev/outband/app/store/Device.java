package dev.outband.app.store;

import java.util.List;
import java.util.Objects;

/**
 * One managed AMT device. {@code id} is null until the device is saved; {@code password} is sealed
 * (null when none is stored) and never printed.
 */
public record Device(Long id, String name, String host, List<String> tags, String user, Secret password,
                     TlsMode tls, String pinnedSha256, Reach reach, DeviceState state) {

    public Device {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        tags = List.copyOf(tags == null ? List.of() : tags);
        tls = tls == null ? TlsMode.NONE : tls;
        reach = reach == null ? Reach.DIRECT : reach;
        state = state == null ? DeviceState.UNKNOWN : state;
        if (tls == TlsMode.PINNED && (pinnedSha256 == null || !pinnedSha256.matches("[0-9a-fA-F]{64}"))) {
            throw new IllegalArgumentException("a pinned TLS device needs a SHA-256 fingerprint (64 hex digits)");
        }
    }

    /** A new, unsaved device reached directly. */
    public static Device of(String name, String host) {
        return new Device(null, name, host, List.of(), null, null, TlsMode.NONE, null, Reach.DIRECT, DeviceState.UNKNOWN);
    }

    public Device withId(Long newId) {
        return new Device(newId, name, host, tags, user, password, tls, pinnedSha256, reach, state);
    }

    public Device withTags(List<String> newTags) {
        return new Device(id, name, host, newTags, user, password, tls, pinnedSha256, reach, state);
    }

    public Device withCredentials(String newUser, Secret newPassword) {
        return new Device(id, name, host, tags, newUser, newPassword, tls, pinnedSha256, reach, state);
    }

    public Device withTls(TlsMode newTls, String newPin) {
        return new Device(id, name, host, tags, user, password, newTls, newPin, reach, state);
    }

    public Device withState(DeviceState newState) {
        return new Device(id, name, host, tags, user, password, tls, pinnedSha256, reach, newState);
    }
}
