package dev.outband.simulator.device;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * User consent: a 6-digit code appears on the device screen and must be typed by the technician. A
 * redirection session then uses the consent up: it is "in session" while the session lasts and back to
 * "not started" when it ends, so the next session needs a new code.
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

    private long required;
    private int state = NOT_STARTED;
    private String code;
    private int wrongCodes;

    Consent(long required) {
        this.required = required;
    }

    synchronized long required() {
        return required;
    }

    synchronized int state() {
        return state;
    }

    synchronized int wrongCodes() {
        return wrongCodes;
    }

    synchronized Optional<String> codeOnScreen() {
        return state == DISPLAYED ? Optional.of(code) : Optional.empty();
    }

    synchronized long start() {
        if (state != NOT_STARTED) {
            return INVALID_STATE;
        }
        code = String.format("%06d", RANDOM.nextInt(1_000_000));
        state = DISPLAYED;
        wrongCodes = 0;
        return 0;
    }

    synchronized long send(String typed) {
        if (state != DISPLAYED) {
            return INVALID_STATE;
        }
        if (!code.equals(typed)) {
            // AMT drops the session after repeated wrong codes, as here after three.
            if (++wrongCodes >= MAX_WRONG) {
                state = NOT_STARTED;
                code = null;
            }
            return INVALID_CODE;
        }
        state = RECEIVED;
        return 0;
    }

    /** A KVM session asks to start: true when no consent is needed, or a received code is now in use. */
    public synchronized boolean openSession() {
        if (required == 0) {
            return true;
        }
        if (state != RECEIVED) {
            return false;
        }
        state = IN_SESSION;
        return true;
    }

    /** The session ended: the consent it used is gone. */
    public synchronized void closeSession() {
        if (state == IN_SESSION) {
            state = NOT_STARTED;
            code = null;
        }
    }

    synchronized long cancel() {
        state = NOT_STARTED;
        code = null;
        return 0;
    }
}
