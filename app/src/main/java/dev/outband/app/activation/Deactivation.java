package dev.outband.app.activation;

import dev.outband.app.lab.JobResult;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.setup.SetupState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Deactivation: AMT_SetupAndConfigurationService.Unprovision as admin, then the stored device leaves the store or
 * stays marked unprovisioned. Through the client (rps' src/stateMachines/deactivation.ts: the password the client
 * sends must be the stored one unless forced) or from the console and CLI for a stored device.
 */
public final class Deactivation {
    private final DeviceStore store;
    private final ActivationContext.Deactivated policy;
    private final Consumer<String> step;

    public Deactivation(DeviceStore store, ActivationContext.Deactivated policy, Consumer<String> step) {
        this.store = store;
        this.policy = policy;
        this.step = step;
    }

    Map<String, String> throughClient(DeviceInfo info, boolean force, RelayTransport transport)
            throws ActivationFailure {
        String uuid = info.uuid();
        if (info.currentMode() == SetupState.PRE_PROVISIONING) {
            throw new ActivationFailure("Device " + uuid + " is in pre-provisioning mode: there is nothing to deactivate.");
        }
        Optional<Device> stored = store.profiles().activatedDevice(uuid);
        if (!force && stored.isPresent() && stored.get().password() != null
                && !stored.get().password().reveal().equals(info.password())) {
            throw new ActivationFailure("AMT password DOES NOT match stored version for Device " + uuid
                    + " (give the password this laptop stored, or -f to deactivate anyway)");
        }
        try {
            step.accept("unprovision");
            AmtClient.over(transport, WsmanSettings.defaults()).setup().unprovision();
        } catch (IOException e) {
            throw new ActivationFailure("Device " + uuid + " deactivation failed: " + e.getMessage(), e);
        }
        stored.ifPresent(this::forget);
        store.profiles().forgetActivation(uuid);
        return Map.of("Status", "Deactivated");
    }

    /** Deactivates stored devices one by one over their usual connection; each result names the device. */
    public List<JobResult> stored(List<Device> devices, AmtClientSource connections) {
        return stored(devices, connections, r -> { });
    }

    /** As {@link #stored(List, AmtClientSource)}, telling {@code progress} each result as it comes. */
    public List<JobResult> stored(List<Device> devices, AmtClientSource connections, Consumer<JobResult> progress) {
        List<JobResult> results = new ArrayList<>();
        for (Device device : devices) {
            try {
                step.accept("unprovision " + device.name());
                connections.client(device).setup().unprovision();
                forget(device);
                results.add(new JobResult(device.name(), true, policy == ActivationContext.Deactivated.REMOVE
                        ? "deactivated, removed from the store" : "deactivated, kept as unprovisioned"));
            } catch (IOException e) {
                results.add(new JobResult(device.name(), false, "unprovision: " + e.getMessage()));
            }
            progress.accept(results.getLast());
        }
        return results;
    }

    /** How a stored device is reached (the console's connections). */
    @FunctionalInterface
    public interface AmtClientSource {
        AmtClient client(Device device) throws IOException;
    }

    private void forget(Device device) {
        DeviceRepository devices = store.devices();
        if (policy == ActivationContext.Deactivated.REMOVE) {
            devices.delete(device.id());
            return;
        }
        List<String> tags = new ArrayList<>(device.tags());
        if (!tags.contains(ActivationContext.UNPROVISIONED_TAG)) {
            tags.add(ActivationContext.UNPROVISIONED_TAG);
        }
        // Unprovisioning clears the admin password and the device's TLS: both are gone from the record too.
        devices.update(device.withTags(tags).withCredentials(null, null).withTls(TlsMode.NONE, null));
    }
}
