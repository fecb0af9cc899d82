package dev.outband.app.cli;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.simulator.cli.FleetRegistrar;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.tls.Certificates;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * {@code outband sim --add-to-store}: each simulated device becomes a stored device (a virtual lab), on AMT's own
 * ports when it has them (its own loopback address) and on its own otherwise; a device of the same name is
 * replaced, so running the lab again keeps one entry per device.
 */
final class SimStoreRegistrar implements FleetRegistrar {
    private final CliContext context;

    SimStoreRegistrar(CliContext context) {
        this.context = context;
    }

    @Override
    public String register(DeviceFleet fleet, String user, String password, X509Certificate tlsCertificate)
            throws IOException {
        // Opened only while registering: the CLI and the console use the store while the fleet runs.
        try (DeviceStore store = context.openStore()) {
            DeviceRepository devices = store.devices();
            for (DeviceFleet.Member m : fleet.members()) {
                Device device = device(m, tlsCertificate).withCredentials(user, devices.seal(password));
                Optional<Device> same = devices.findByName(device.name());
                devices.save(same.map(d -> device.withId(d.id()).withTags(d.tags())).orElse(device));
            }
        } catch (UserException e) {
            throw new IOException(e.getMessage(), e);
        }
        return "Added " + fleet.members().size() + " devices to the store at " + context.dataFolder()
                + (tlsCertificate == null ? "" : ", their TLS certificate pinned");
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
