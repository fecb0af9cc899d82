package dev.outband.app.amt;

import dev.outband.app.store.DeviceState;

/**
 * Where what a device said about itself goes: straight into the store (the console, {@code repository::updateState})
 * or held until the network work is done (the CLI, which must not keep the store open while it waits).
 */
@FunctionalInterface
public interface StateRecorder {
    void record(long deviceId, DeviceState learned);
}
