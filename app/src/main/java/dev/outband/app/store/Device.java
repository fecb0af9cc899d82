package dev.outband.app.store;

import java.util.List;
import java.util.Objects;

/**
 * One managed AMT device. {@code id} is null until the device is saved; {@code password} is sealed
 * (null when none is stored) and never printed. {@code wsmanPort} and {@code kvmPort} are null for AMT's own
 * ports; a device behind a NAT port forward (or a simulator) has its own.
 */
public record Device(Long id, String name, String host, List<String> tags, String user, Secret password,
                     TlsMode tls, String pinnedSha256, Reach reach, DeviceState state,
                     Integer wsmanPort, Integer kvmPort) {

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
        if (!HostNames.isPort(wsmanPort) || !HostNames.isPort(kvmPort)) {
            throw new IllegalArgumentException("a port is 1..65535");
        }
    }

    /** A device on AMT's own ports. */
    public Device(Long id, String name, String host, List<String> tags, String user, Secret password,
                  TlsMode tls, String pinnedSha256, Reach reach, DeviceState state) {
        this(id, name, host, tags, user, password, tls, pinnedSha256, reach, state, null, null);
    }

    /** A new, unsaved device reached directly. */
    public static Device of(String name, String host) {
        return new Device(null, name, host, List.of(), null, null, TlsMode.NONE, null, Reach.DIRECT, DeviceState.UNKNOWN);
    }

    /** Host and WS-Man port as a person types them: {@code host}, {@code host:port} or {@code [v6]:port}. */
    public String address() {
        return HostNames.join(host, wsmanPort);
    }

    public Device withId(Long newId) {
        return new Device(newId, name, host, tags, user, password, tls, pinnedSha256, reach, state, wsmanPort, kvmPort);
    }

    public Device withName(String newName) {
        return new Device(id, newName, host, tags, user, password, tls, pinnedSha256, reach, state, wsmanPort, kvmPort);
    }

    public Device withTags(List<String> newTags) {
        return new Device(id, name, host, newTags, user, password, tls, pinnedSha256, reach, state, wsmanPort, kvmPort);
    }

    public Device withCredentials(String newUser, Secret newPassword) {
        return new Device(id, name, host, tags, newUser, newPassword, tls, pinnedSha256, reach, state, wsmanPort, kvmPort);
    }

    public Device withTls(TlsMode newTls, String newPin) {
        return new Device(id, name, host, tags, user, password, newTls, newPin, reach, state, wsmanPort, kvmPort);
    }

    public Device withState(DeviceState newState) {
        return new Device(id, name, host, tags, user, password, tls, pinnedSha256, reach, newState, wsmanPort, kvmPort);
    }

    /** The same device on other ports (null: AMT's own; a null KVM port follows the WS-Man port). */
    public Device withPorts(Integer newWsmanPort, Integer newKvmPort) {
        return new Device(id, name, host, tags, user, password, tls, pinnedSha256, reach, state, newWsmanPort, newKvmPort);
    }
}
