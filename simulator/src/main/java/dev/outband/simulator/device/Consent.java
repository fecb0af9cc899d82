package dev.outband.simulator.device;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * User consent: a 6-digit code appears on the device screen and must be typed by the technician. A KVM
 * session needs a received code and is "in session" while it lasts. As Intel documents for AMT, the
 * consent then outlives the session by an inactivity period (2 minutes by default): a new session within
 * it needs no new code; after it the state is back to "not started".
 */
public final class Consent {
    public static final int NOT_STARTED = 0;
    public static final int DISPLAYED = 2;
    public static final int RECEIVED = 3;
    public static final int IN_SESSION = 4;
    public static final long INVALID_CODE = 2066;
    public static final long INVALID_STATE = 2067;
    private static final int MAX_WRONG = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** OptInRequired for every redirection feature. */
    public static final long ALL = 0xFFFFFFFFL;
    private volatile long required;
    private final Duration inactivity;
    private final Runnable onCodeSent;
    private final List<Consumer<String>> codeWatchers = new CopyOnWriteArrayList<>();
    private int state = NOT_STARTED;
    private String code;
    private int wrongCodes;
    private int sessions;
    /** When a received consent lapses (System.nanoTime); 0 while it has no deadline. */
    private long lapsesAt;

    /** @param onCodeSent told of every code typed, right or wrong */
    Consent(long required, Duration inactivity, Runnable onCodeSent) {
        this.required = required;
        this.inactivity = inactivity;
        this.onCodeSent = onCodeSent;
    }

    /** OptInRequired: 0 none, 1 KVM, 0xFFFFFFFF every redirection. */
    public long required() {
        return required;
    }

    /** A new policy (IPS_OptInService Put, or a change of control mode). */
    public void setRequired(long policy) {
        this.required = policy;
    }

    /** OptInState: 0 not started, 2 displayed, 3 received, 4 in session. */
    public synchronized int state() {
        lapseIfIdle();
        return state;
    }

    public synchronized int wrongCodes() {
        return wrongCodes;
    }

    public synchronized Optional<String> codeOnScreen() {
        lapseIfIdle();
        return state == DISPLAYED ? Optional.of(code) : Optional.empty();
    }

    /** The code real AMT would show on the local screen; `outband sim` prints it for the technician. */
    public void onCodeShown(Consumer<String> watcher) {
        codeWatchers.add(watcher);
    }

    /** StartOptIn: a new code on the screen. */
    public long start() {
        String shown;
        synchronized (this) {
            lapseIfIdle();
            if (state != NOT_STARTED) {
                return INVALID_STATE;
            }
            code = String.format("%06d", RANDOM.nextInt(1_000_000));
            state = DISPLAYED;
            wrongCodes = 0;
            shown = code;
        }
        codeWatchers.forEach(w -> w.accept(shown));
        return 0;
    }

    /** SendOptInCode. */
    public long send(String typed) {
        long result = check(typed);
        onCodeSent.run();
        return result;
    }

    private synchronized long check(String typed) {
        if (state != DISPLAYED) {
            return INVALID_STATE;
        }
        if (!code.equals(typed)) {
            // AMT drops the session after repeated wrong codes, as here after three.
            if (++wrongCodes >= MAX_WRONG) {
                reset();
            }
            return INVALID_CODE;
        }
        state = RECEIVED;
        return 0;
    }

    /** A KVM session asks to start: true when no consent is needed, or a received consent now covers it. */
    public synchronized boolean openSession() {
        if (required == 0) {
            return true;
        }
        lapseIfIdle();
        if (state != RECEIVED && state != IN_SESSION) {
            return false;
        }
        sessions++;
        state = IN_SESSION;
        lapsesAt = 0;
        return true;
    }

    /** A session that {@link #openSession()} admitted ended; with none left, the inactivity period starts. */
    public synchronized void closeSession() {
        if (required == 0 || sessions == 0) {
            return;
        }
        if (--sessions == 0 && state == IN_SESSION) {
            state = RECEIVED;
            lapsesAt = Math.max(1, System.nanoTime() + inactivity.toNanos());
        }
    }

    /** CancelOptIn. */
    public synchronized long cancel() {
        reset();
        return 0;
    }

    private void lapseIfIdle() {
        if (lapsesAt != 0 && System.nanoTime() - lapsesAt >= 0) {
            reset();
        }
    }

    private void reset() {
        state = NOT_STARTED;
        code = null;
        lapsesAt = 0;
    }
}
