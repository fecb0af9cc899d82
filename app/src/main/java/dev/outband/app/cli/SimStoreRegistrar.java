package dev.outband.app.cli;

import dev.outband.app.store.DeviceStore;
import dev.outband.app.virtuallab.VirtualLabDevices;
import dev.outband.simulator.cli.FleetRegistrar;
import dev.outband.simulator.device.DeviceFleet;
import java.io.IOException;
import java.security.cert.X509Certificate;

/**
 * {@code outband sim --add-to-store}: each simulated device becomes a stored device (a virtual lab,
 * {@link VirtualLabDevices}).
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
            VirtualLabDevices.register(store.devices(), fleet, user, password, tlsCertificate);
        } catch (UserException e) {
            throw new IOException(e.getMessage(), e);
        }
        return "Added " + fleet.members().size() + " devices to the store at " + context.dataFolder()
                + (tlsCertificate == null ? "" : ", their TLS certificate pinned");
    }
}
