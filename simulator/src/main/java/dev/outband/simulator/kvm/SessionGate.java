package dev.outband.simulator.kvm;

import java.util.function.BooleanSupplier;

/**
 * Lets a KVM session start and hears when it ends; the device's user consent stands behind it.
 *
 * @param open  true when a session may start now
 * @param close called once the session {@code open} admitted has ended
 */
public record SessionGate(BooleanSupplier open, Runnable close) {
    /** Every session may start, nothing to give back: a device that needs no consent. */
    public static final SessionGate OPEN = new SessionGate(() -> true, () -> { });
}
