package dev.outband.app.store;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A device as a person or a file describes it: clear-text password (may be null or empty) and a TLS
 * on/off switch; {@code host} may carry a WS-Man port ({@code host:port}, {@code [v6]:port}). {@link #toDevice} seals
 * the password; toString never shows it.
 */
public record DeviceDraft(String name, String host, String user, String password, boolean tls, List<String> tags,
                          Integer kvmPort) {
    public DeviceDraft {
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** A draft whose KVM port follows its WS-Man port (or keeps the device's). */
    public DeviceDraft(String name, String host, String user, String password, boolean tls, List<String> tags) {
        this(name, host, user, password, tls, tags, null);
    }

    /** A new device, or {@code existing} updated; an empty password keeps the existing one. */
    public Device toDevice(Device existing, Function<String, Secret> seal) {
        HostNames.Address address = HostNames.split(host);
        Device base = existing == null ? Device.of(name, address.host()) : existing;
        Secret secret = password == null || password.isEmpty() ? base.password() : seal.apply(password);
        TlsMode tlsMode = tls ? (base.tls() == TlsMode.NONE ? TlsMode.VERIFY : base.tls()) : TlsMode.NONE;
        // A KVM port set apart from the WS-Man port holds only while that WS-Man port does.
        Integer kvm = kvmPort != null ? kvmPort
                : Objects.equals(address.port(), base.wsmanPort()) ? base.kvmPort() : null;
        return new Device(base.id(), name.strip(), address.host(), tags, blankToNull(user), secret,
                tlsMode, tlsMode == TlsMode.PINNED ? base.pinnedSha256() : null, base.reach(), base.state(),
                address.port(), kvm);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "DeviceDraft[name=" + name + ", host=" + host + ", user=" + user + ", tls=" + tls + ", tags=" + tags
                + ", kvmPort=" + kvmPort + "]";
    }
}
