package dev.outband.app.amt;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceState;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outband.wsman.ReturnValueException;
import java.io.IOException;
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
    /** RequestPowerStateChange's ReturnValue when the device is in a state the change does not apply to. */
    private static final long NOT_IN_THIS_STATE = 2;

    /** Skipped is neither done nor failed: nothing was asked of the device, or it already was where asked. */
    public enum Outcome { DONE, FAILED, SKIPPED }

    /** What happened on one device; {@code powerState} is read back after the action (null when unknown). */
    public record Result(String device, Outcome outcome, String message, String powerState) {
        /** Kept for scripts reading {@code outband power --json}: true only when the action was done. */
        @JsonProperty("ok")
        public boolean ok() {
            return outcome == Outcome.DONE;
        }
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
        return perform(action, false, devices, progress);
    }

    /** {@code serialConsole}: the firmware's screens also go to Serial-over-LAN (from the serial console's window). */
    public List<Result> perform(PowerAction action, boolean serialConsole, List<Device> devices,
            Consumer<Result> progress) throws InterruptedException {
        return PerDevice.run(devices, device -> performOne(action, serialConsole, device), progress);
    }

    private Result performOne(PowerAction action, boolean serialConsole, Device device) {
        Instant now = clock.instant();
        try {
            ManagedDevice amt = connections.device(device);
            if (!supported.of(device, amt).contains(action)) {
                return new Result(device.name(), Outcome.FAILED, NOT_SUPPORTED, null);
            }
            // A remote source's device has no row to hold its cooldown or state: its source keeps those.
            boolean stored = device.id() != null;
            Optional<Instant> busyUntil = stored ? cooldowns.claim(device.id(), now, COOLDOWN) : Optional.empty();
            if (busyUntil.isPresent()) {
                long wait = (Duration.between(now, busyUntil.get()).toMillis() + 999) / 1000;
                return new Result(device.name(), Outcome.SKIPPED, "the last power action was moments ago; try again in "
                        + wait + " s", null);
            }
            try {
                amt.perform(action, serialConsole);
            } catch (ReturnValueException refused) {
                return refusal(action, device, amt, refused, now);
            }
            PowerStatus status = record(device, amt, now);
            return new Result(device.name(), Outcome.DONE, "done", status.name());
        } catch (Exception e) {
            return new Result(device.name(), Outcome.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(), null);
        }
    }

    private PowerStatus record(Device device, ManagedDevice amt, Instant now) throws IOException {
        PowerStatus status = amt.powerState();
        if (device.id() != null) {
            states.record(device.id(), new DeviceState(status.name(), null, now));
        }
        return status;
    }

    /**
     * AMT answers RequestPowerStateChange with 2 ("Unknown or unspecified error" in DMTF DSP1027) when the change
     * does not apply to the state the device is in, e.g. power on while on: the state read back tells which.
     */
    private Result refusal(PowerAction action, Device device, ManagedDevice amt, ReturnValueException refused,
                           Instant now) throws IOException {
        if (refused.returnValue() != NOT_IN_THIS_STATE || !refused.method().equals("RequestPowerStateChange")) {
            return new Result(device.name(), Outcome.FAILED, refused.getMessage(), null);
        }
        PowerStatus status = record(device, amt, now);
        Optional<String> already = already(action, status);
        return already.map(words -> new Result(device.name(), Outcome.SKIPPED, words, status.name()))
                .orElseGet(() -> new Result(device.name(), Outcome.FAILED, "not allowed in this state (the device is "
                        + status.name() + ")", status.name()));
    }

    /** Words for a device already where the action would take it. */
    static Optional<String> already(PowerAction action, PowerStatus status) {
        int now = status.cimState();
        return Optional.ofNullable(switch (action.cimState()) {
            case 2 -> now == 2 ? "already on" : null;
            case 8, 12 -> now == 6 || now == 8 || now == 13 ? "already off" : null;
            case 4 -> now == 3 || now == 4 ? "already asleep" : null;
            case 7 -> now == 7 ? "already hibernating" : null;
            default -> null;
        });
    }
}
