package dev.outband.app.amt;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.Reach;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.power.PowerStatus;
import java.io.IOException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * What one device says about itself, one part at a time, for {@code outband info} and the details pane.
 * Reading the identity or the power state also records it in the store, so the device list shows it.
 */
public final class DeviceReader {
    private final Device device;
    private final ManagedDevice amt;
    private final StateRecorder states;
    private final Clock clock;

    private DeviceReader(Device device, ManagedDevice amt, StateRecorder states, Clock clock) {
        this.device = device;
        this.amt = amt;
        this.states = states;
        this.clock = clock;
    }

    /** States learned go to {@code states}: the store at once (the console), or once the device answered (the CLI). */
    public static DeviceReader open(DeviceConnections connections, StateRecorder states, Clock clock, Device device)
            throws IOException {
        return new DeviceReader(device, connections.device(device), states, clock);
    }

    public AmtIdentity identity() throws IOException {
        AmtIdentity identity = amt.identity();
        record(new DeviceState(null, identity.amtVersion(), clock.instant()));
        if (device.id() != null && device.reach().kind() == Reach.Kind.CIRA) {
            identity.fqdn().ifPresent(name -> states.reportedName(device.id(), name));
        }
        return identity;
    }

    public PowerStatus power() throws IOException {
        PowerStatus status = amt.powerState();
        record(new DeviceState(status.name(), null, clock.instant()));
        return status;
    }

    /** The device itself, for the pages that read and change more than this reader's parts. */
    public ManagedDevice device() {
        return amt;
    }

    public HardwareInventory hardware() throws IOException {
        return amt.hardware();
    }

    /** The event log, newest first (records of the same second keep the device's order, reversed). */
    public List<EventRecord> events() throws IOException {
        return amt.events().reversed().stream().sorted(Comparator.comparing(EventRecord::time).reversed()).toList();
    }

    /** The audit log, newest first. */
    public List<AuditRecord> audit() throws IOException {
        return amt.audit().reversed().stream().sorted(Comparator.comparing(AuditRecord::time).reversed()).toList();
    }

    private void record(DeviceState learned) {
        if (device.id() != null) {
            states.record(device.id(), learned);
        }
    }
}
