package dev.outband.app.amt;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceState;
import java.util.function.Consumer;

/**
 * Where what a device said about itself goes: straight into the store (the console, {@link #into}) or held until the
 * network work is done (the CLI, which must not keep the store open while it waits).
 */
@FunctionalInterface
public interface StateRecorder {
    void record(long deviceId, DeviceState learned);

    /**
     * The host name the device reports, for a CIRA device still under the listener's name to take
     * ({@link DeviceRepository#adoptReportedName}). Ignored by default: power actions learn no names.
     */
    default void reportedName(long deviceId, String fqdn) {
    }

    /** Into the store at once; {@code renamed} hears of each device that took its reported name. */
    static StateRecorder into(DeviceRepository repository, Consumer<Device> renamed) {
        return new StateRecorder() {
            @Override
            public void record(long deviceId, DeviceState learned) {
                repository.updateState(deviceId, learned);
            }

            @Override
            public void reportedName(long deviceId, String fqdn) {
                repository.adoptReportedName(deviceId, fqdn).ifPresent(renamed);
            }
        };
    }
}
