package dev.outband.simulator.device;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Test and bench hooks: slow every answer down, stop answering altogether, count the requests received. */
public final class FaultHooks {
    private final LongAdder requests = new LongAdder();
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

    /** Called by the WS-Man port for every HTTP request it reads, the digest 401s included. */
    public void requestReceived() {
        requests.increment();
    }

    /** HTTP requests received on the WS-Man ports so far: what a benchmark reports as requests made. */
    public long requests() {
        return requests.sum();
    }
}
