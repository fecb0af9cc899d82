package dev.outband.app.amt;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceState;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One power action on many devices at once, one virtual thread each, with a result per device.
 * A device that had a power action less than {@link #COOLDOWN} ago is skipped: firmware that is
 * still changing state handles a second request badly. The time of the last action is kept with the
 * device in the store, so the cooldown holds for the device (not its name) and across processes. An action the device does not report as
 * supported is not sent: the technician reads "not supported by this device" instead of a fault.
 */
public final class PowerRun {
    public static final Duration COOLDOWN = Duration.ofSeconds(20);
    public static final String NOT_SUPPORTED = "not supported by this device";

    /** What happened on one device; {@code powerState} is read back after the action. */
    public record Result(String device, boolean ok, String message, String powerState) {
    }

    /** Claims a device's cooldown for an action at {@code now}: empty when claimed, else when it is free again. */
    @FunctionalInterface
    public interface Cooldowns {
        Optional<Instant> claim(long deviceId, Instant now, Duration cooldown);
    }

    private final DeviceConnections connections;
    private final Cooldowns cooldowns;
    private final StateRecorder states;
    private final Clock clock;
    private final SupportedActions supported;

    public PowerRun(DeviceConnections connections, DeviceRepository repository, Clock clock) {
        this(connections, repository, clock, new SupportedActions());
    }

    /**
     * Cooldowns claimed and power states recorded elsewhere (the CLI claims before and writes after the
     * network work, so that it does not keep the store open while it waits).
     */
    public PowerRun(DeviceConnections connections, Cooldowns cooldowns, StateRecorder states, Clock clock) {
        this(connections, cooldowns, states, clock, new SupportedActions());
    }

    /** Sharing {@code supported} with the Power menu spares each device a second capabilities read. */
    public PowerRun(DeviceConnections connections, DeviceRepository repository, Clock clock,
                    SupportedActions supported) {
        this(connections, repository::claimPowerAction, repository::updateState, clock, supported);
    }

    private PowerRun(DeviceConnections connections, Cooldowns cooldowns, StateRecorder states, Clock clock,
                     SupportedActions supported) {
        this.connections = connections;
        this.cooldowns = cooldowns;
        this.states = states;
        this.clock = clock;
        this.supported = supported;
    }

    /** Blocks until every device answered or failed; {@code progress} hears each result as it comes. */
    public List<Result> perform(PowerAction action, List<Device> devices, Consumer<Result> progress)
            throws InterruptedException {
        return PerDevice.run(devices, device -> performOne(action, device), progress);
    }

    private Result performOne(PowerAction action, Device device) {
        Instant now = clock.instant();
        try {
            ManagedDevice amt = connections.device(device);
            if (!supported.of(device, amt).contains(action)) {
                return new Result(device.name(), false, NOT_SUPPORTED, null);
            }
            // A remote source's device has no row to hold its cooldown or state: its source keeps those.
            boolean stored = device.id() != null;
            Optional<Instant> busyUntil = stored ? cooldowns.claim(device.id(), now, COOLDOWN) : Optional.empty();
            if (busyUntil.isPresent()) {
                long wait = (Duration.between(now, busyUntil.get()).toMillis() + 999) / 1000;
                return new Result(device.name(), false, "skipped: the last power action was moments ago; try again in "
                        + wait + " s", null);
            }
            amt.perform(action);
            PowerStatus status = amt.powerState();
            if (stored) {
                states.record(device.id(), new DeviceState(status.name(), null, now));
            }
            return new Result(device.name(), true, "done", status.name());
        } catch (Exception e) {
            return new Result(device.name(), false, e.getMessage() == null ? e.toString() : e.getMessage(), null);
        }
    }
}
