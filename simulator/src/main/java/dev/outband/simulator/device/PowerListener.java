package dev.outband.simulator.device;

/** Told of every power or screen change; called on the thread that made the change, must not block. */
@FunctionalInterface
public interface PowerListener {
    void powerChanged(PowerState state, Display display);
}
