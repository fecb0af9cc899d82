package dev.outband.app.cira;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DuplicateNameException;
import dev.outband.app.store.Reach;
import dev.outband.cira.apf.DeviceUuid;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Puts devices that authenticate over CIRA into the store, once each. They get no AMT credentials:
 * the CIRA password proves the tunnel, not the WS-Man/KVM admin account, which the user enters later.
 */
final class CiraDeviceRegistry {
    private final DeviceRepository devices;

    CiraDeviceRegistry(DeviceRepository devices) {
        this.devices = devices;
    }

    /** The new device when this UUID was unknown; empty when the store already has it. */
    synchronized Optional<Device> ensureStored(DeviceUuid uuid, SocketAddress remote) {
        Reach reach = Reach.cira(uuid.toString());
        if (devices.findByReach(reach).isPresent()) {
            return Optional.empty();
        }
        // Until the device is read and named after its host name (DeviceRepository.adoptReportedName).
        List<String> names = reach.listenerNames();
        Device device = new Device(null, names.getFirst(), hostOf(remote), null, null, null, null, null, reach, null);
        try {
            return Optional.of(devices.insert(device));
        } catch (DuplicateNameException taken) {
            // Someone already named a device after this UUID's first group: the full UUID is unique.
            return Optional.of(devices.insert(new Device(null, names.getLast(), device.host(), null, null, null,
                    null, null, reach, null)));
        }
    }

    private static String hostOf(SocketAddress remote) {
        if (remote instanceof InetSocketAddress address) {
            return address.getAddress() == null ? address.getHostString() : address.getAddress().getHostAddress();
        }
        return String.valueOf(remote);
    }
}
