package dev.outband.app.virtuallab;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.TlsMode;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.tls.Certificates;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A running fleet of simulated devices as stored devices (a virtual lab): on AMT's own ports when a device has them
 * (its own loopback address), on its own otherwise; a device of the same name is replaced (its tags kept), so
 * starting the lab again keeps one entry per device.
 */
public final class VirtualLabDevices {
    private VirtualLabDevices() {
    }

    /** Saves every member with {@code user} and {@code password}; with {@code tlsCertificate}, pinned to it. */
    public static List<Device> register(DeviceRepository devices, DeviceFleet fleet, String user, String password,
                                        X509Certificate tlsCertificate) {
        List<Device> saved = new ArrayList<>();
        for (DeviceFleet.Member m : fleet.members()) {
            Device device = device(m, tlsCertificate).withCredentials(user, devices.seal(password));
            Optional<Device> same = devices.findByName(device.name());
            saved.add(devices.save(same.map(d -> device.withId(d.id()).withTags(d.tags())).orElse(device)));
        }
        return saved;
    }

    private static Device device(DeviceFleet.Member m, X509Certificate tlsCertificate) {
        DevicePorts ports = m.ports();
        Device plain = Device.of(m.device().name(), ports.address().getHostAddress());
        Device device = tlsCertificate == null ? plain
                : plain.withTls(TlsMode.PINNED, Certificates.sha256(tlsCertificate));
        int wsman = tlsCertificate == null ? ports.httpPort() : ports.tlsPort();
        int kvm = tlsCertificate == null ? ports.kvmPort() : ports.kvmTlsPort();
        // Ports that AMT_PORTS would choose anyway are not stored: the device reads as any lab device.
        Integer ownWsman = DeviceConnections.AMT_PORTS.wsman(device) == wsman ? null : wsman;
        Integer ownKvm = DeviceConnections.AMT_PORTS.kvm(device.withPorts(ownWsman, null)) == kvm ? null : kvm;
        return device.withPorts(ownWsman, ownKvm);
    }
}
