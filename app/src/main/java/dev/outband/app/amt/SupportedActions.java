package dev.outband.app.amt;

import dev.outband.app.store.Device;
import dev.outband.app.store.Reach;
import java.io.IOException;
import dev.outband.wsman.amt.power.PowerAction;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The power actions each device reports as supported, read once per session: capabilities are
 * firmware facts that do not change while the console runs.
 */
public final class SupportedActions {
    /** A device edited to point elsewhere is a different device as far as capabilities go. */
    private record Key(Long id, String host, Reach reach) {
    }

    private final Map<Key, Set<PowerAction>> known = new ConcurrentHashMap<>();

    public Optional<Set<PowerAction>> cached(Device device) {
        return Optional.ofNullable(known.get(key(device)));
    }

    /** The cached set, or the device asked through {@code amt} and the answer kept. */
    public Set<PowerAction> of(Device device, ManagedDevice amt) throws IOException {
        Set<PowerAction> cached = known.get(key(device));
        if (cached != null) {
            return cached;
        }
        Set<PowerAction> read = Set.copyOf(amt.supportedActions());
        known.put(key(device), read);
        return read;
    }

    private static Key key(Device device) {
        return new Key(device.id(), device.host(), device.reach());
    }
}
