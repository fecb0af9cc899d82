package dev.outband.app.api;

import dev.outband.app.cira.LabListener;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.Reach;
import dev.outband.cira.listener.DeviceSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The devices the API serves: stored devices reached over CIRA, and devices connected to the listener that the
 * store does not hold yet (it adds them within moments). The guid is the AMT UUID, in lower case as MPS keeps it.
 */
final class DeviceDirectory {
    /** One device: what the store knows, and its tunnel when it is connected now. */
    record Entry(String guid, Optional<Device> stored, Optional<DeviceSnapshot> connection) {
        boolean connected() {
            return connection.isPresent();
        }
    }

    private final DeviceRepository devices;
    private final LabListener listener;
    /**
     * Store ids by guid: the store finds a device by UUID only by reading every row, by id through its key.
     * The device itself is read afresh each time, so edited credentials count at once.
     */
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    DeviceDirectory(DeviceRepository devices, LabListener listener) {
        this.devices = devices;
        this.listener = listener;
    }

    /** Every device, ordered by guid so that pages stay put between requests. */
    List<Entry> all() {
        Map<String, DeviceSnapshot> connected = listener.devices().stream()
                .collect(Collectors.toMap(s -> normal(s.uuid().toString()), Function.identity(), (a, b) -> b));
        Map<String, Entry> byGuid = new TreeMap<>();
        for (Device device : devices.findAll()) {
            if (device.reach().kind() == Reach.Kind.CIRA) {
                String guid = normal(device.reach().id());
                ids.put(guid, device.id());
                byGuid.put(guid, new Entry(guid, Optional.of(device), Optional.ofNullable(connected.get(guid))));
            }
        }
        connected.forEach((guid, snapshot) ->
                byGuid.putIfAbsent(guid, new Entry(guid, Optional.empty(), Optional.of(snapshot))));
        return List.copyOf(byGuid.values());
    }

    Optional<Entry> find(String guid) {
        String wanted = normal(guid);
        Optional<Device> stored = stored(guid);
        Optional<DeviceSnapshot> connection = listener.devices().stream()
                .filter(s -> normal(s.uuid().toString()).equals(wanted)).findFirst();
        if (stored.isEmpty() && connection.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(wanted, stored, connection));
    }

    /** Whether the device's tunnel is up now, without listing every connection. */
    boolean connected(String guid) {
        return listener.to(normal(guid)).isPresent();
    }

    /** The stored device; the store compares UUIDs without case. */
    Optional<Device> stored(String guid) {
        String key = normal(guid);
        Long id = ids.get(key);
        if (id != null) {
            Optional<Device> known = devices.findById(id).filter(d -> d.reach().kind() == Reach.Kind.CIRA
                    && normal(d.reach().id()).equals(key));
            if (known.isPresent()) {
                return known;
            }
            ids.remove(key);
        }
        Optional<Device> found = devices.findByReach(Reach.cira(guid));
        found.ifPresent(d -> ids.put(key, d.id()));
        return found;
    }

    /** The distinct tags of the served devices, sorted. */
    List<String> tags() {
        return all().stream().flatMap(e -> e.stored().stream()).flatMap(d -> d.tags().stream()).distinct()
                .sorted(Comparator.naturalOrder()).toList();
    }

    static String normal(String guid) {
        return guid.toLowerCase(Locale.ROOT);
    }
}
