package dev.outband.app.activation;

import java.time.Instant;

/** One activation or deactivation as the console and CLI show it: who, which step, and how it ended. */
public record ActivationProgress(long session, String uuid, String hostname, String profile, String step,
                                 State state, String message, Instant started) {
    public enum State { RUNNING, DONE, FAILED }

    /** Receives every change of every session, on the session's own thread. */
    @FunctionalInterface
    public interface Listener {
        void changed(ActivationProgress progress);
    }
}
