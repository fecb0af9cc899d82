package dev.outband.simulator.device;

import java.time.Duration;

/** Test hooks: slow every answer down, or stop answering altogether. */
public final class FaultHooks {
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean silent;

    public Duration delay() {
        return delay;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    public boolean silent() {
        return silent;
    }

    /** Accept requests but never answer them (a hung device). */
    public void silent(boolean silent) {
        this.silent = silent;
    }
}
