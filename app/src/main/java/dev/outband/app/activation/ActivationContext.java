package dev.outband.app.activation;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.lab.CallHome;
import dev.outband.app.lab.TlsSetup;
import dev.outband.app.store.DeviceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What a session needs beyond the client: the store (profiles, devices), the lab jobs that turn TLS on and set
 * up call home (null when this process has no lab CA or listener), and what becomes of a deactivated device.
 *
 * @param setupSettle how long to wait after Setup/AdminSetup before using the new admin account (rps: 12 s)
 */
public record ActivationContext(DeviceStore store, Lab lab, Deactivated deactivated, Duration setupSettle,
                                Clock clock) {
    /** A deactivated device leaves the store, or stays marked with the {@value #UNPROVISIONED_TAG} tag. */
    public enum Deactivated { REMOVE, MARK }

    public static final String UNPROVISIONED_TAG = "unprovisioned";
    /** DMT rps waits this long after Setup or AdminSetup. */
    public static final Duration RPS_SETUP_SETTLE = Duration.ofSeconds(12);

    /**
     * The lab jobs and the connections that check a device afterwards; {@code calledIn} tells whether a device
     * (by UUID) is connected to this laptop's listener now.
     */
    public record Lab(TlsSetup tls, CallHome callHome, DeviceConnections connections, Predicate<String> calledIn) {
        /** The console's own lab jobs on this store: its lab CA, its CIRA accounts, its listener (in {@code connections}). */
        public static Lab of(DeviceStore store, DeviceConnections connections, Clock clock) {
            LabAuthority ca = new LabAuthority(store.folder(), store.secrets(), clock);
            return new Lab(new TlsSetup(connections, store.devices(), ca, clock),
                    new CallHome(connections, ca, new CiraAccounts(store.secrets()),
                            uuid -> connections.tunnelOpen(uuid.toString()), clock),
                    connections, connections::tunnelOpen);
        }
    }
}
