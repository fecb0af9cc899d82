package dev.outband.app.discovery;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DuplicateNameException;
import dev.outband.app.store.TlsMode;
import dev.outband.wsman.discovery.DiscoveredDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds devices a scan found to the store, one credential for all. Each is named and reached by its address;
 * a TLS device is pinned to the certificate the scan saw (the technician chose those rows after seeing the
 * fingerprints), or checked against the trusted roots when the technician asks for that instead.
 */
public final class DiscoveredDeviceAdder {
    /** How a TLS device is trusted once added. */
    public enum TlsTrust { PIN_SEEN, VERIFY }

    /** One chosen device and what became of it: the stored device, or why it was not added. */
    public record Outcome(DiscoveredDevice found, Device added, String problem) {
        public boolean ok() {
            return added != null;
        }
    }

    private DiscoveredDeviceAdder() {
    }

    public static List<Outcome> add(DeviceRepository devices, List<DiscoveredDevice> chosen, String user,
            String password, TlsTrust trust, List<String> tags) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Device> existing = devices.findAll();
        for (DiscoveredDevice d : chosen) {
            Optional<Device> same = existing.stream().filter(e -> e.host().equalsIgnoreCase(d.address())).findFirst();
            if (same.isPresent()) {
                outcomes.add(new Outcome(d, null, "already in the store as " + same.get().name()));
                continue;
            }
            Device device = new DeviceDraft(d.address(), d.address(), user, password, d.tls(), tags)
                    .toDevice(null, devices::seal);
            if (d.tls() && trust == TlsTrust.PIN_SEEN) {
                if (d.sha256() == null) {
                    outcomes.add(new Outcome(d, null, "no certificate was seen to pin; add it with verification"));
                    continue;
                }
                device = device.withTls(TlsMode.PINNED, d.sha256());
            }
            try {
                outcomes.add(new Outcome(d, devices.insert(device), null));
            } catch (DuplicateNameException e) {
                outcomes.add(new Outcome(d, null, e.getMessage()));
            }
        }
        return outcomes;
    }
}
