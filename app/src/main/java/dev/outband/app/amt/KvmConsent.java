package dev.outband.app.amt;

import dev.outband.wsman.ReturnValueException;
import java.io.IOException;
import dev.outband.wsman.amt.consent.ConsentService.ConsentStatus;
import java.util.regex.Pattern;

/**
 * User consent before KVM (client control mode, or admin control mode with consent on): the device shows
 * a 6-digit code on its own screen, the person there reads it to the technician, who types it here. IDE-R needs it
 * only when the device asks consent for every redirection ({@link #forAllRedirection}).
 */
public final class KvmConsent {
    /** What happened to a typed code. */
    public enum Outcome {
        ACCEPTED,
        /** Wrong code; the same code is still on the device's screen. */
        WRONG_CODE,
        /** The device gave up on the request (too many wrong codes, or it timed out); a new code is on screen now. */
        RESTARTED
    }

    private static final int DISPLAYED = 2;
    private static final int RECEIVED = 3;
    private static final long INVALID_OPT_IN_CODE = 2066;
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    /** AMT_OptInService.OptInRequired: consent for KVM only (1) or for every redirection (this value). */
    private static final long ALL_REDIRECTION = 0xFFFFFFFFL;

    private final ManagedDevice consent;
    private final boolean onlyForAll;

    public KvmConsent(ManagedDevice consent) {
        this(consent, false);
    }

    private KvmConsent(ManagedDevice consent, boolean onlyForAll) {
        this.consent = consent;
        this.onlyForAll = onlyForAll;
    }

    /** Consent for IDE-R and SOL: needed only when the device requires it for every redirection, not just KVM. */
    public static KvmConsent forAllRedirection(ManagedDevice consent) {
        return new KvmConsent(consent, true);
    }

    private boolean required(ConsentStatus status) {
        return onlyForAll ? status.optInRequired() == ALL_REDIRECTION : status.required();
    }

    /** True when KVM needs consent that is not granted now (checked without putting a code on screen). */
    public boolean needed() throws IOException {
        ConsentStatus status = consent.consentStatus();
        return required(status) && status.optInState() < RECEIVED;
    }

    /** Asks the device to show a code when KVM needs consent and none is granted; true when a code must be typed. */
    public boolean begin() throws IOException {
        ConsentStatus status = consent.consentStatus();
        if (!required(status) || status.optInState() >= RECEIVED) {
            return false;
        }
        if (status.optInState() != DISPLAYED) {
            consent.startConsent();
        }
        return true;
    }

    public Outcome send(String typed) throws IOException {
        if (!wellFormed(typed)) {
            throw new IllegalArgumentException("The code is the 6 digits shown on the device's screen");
        }
        String code = typed.strip();
        try {
            consent.sendConsentCode(code);
            return Outcome.ACCEPTED;
        } catch (ReturnValueException e) {
            if (e.returnValue() != INVALID_OPT_IN_CODE) {
                throw e;
            }
            if (consent.consentStatus().optInState() == DISPLAYED) {
                return Outcome.WRONG_CODE;
            }
            consent.startConsent();
            return Outcome.RESTARTED;
        }
    }

    /** Takes the code off the device's screen. */
    public void cancel() throws IOException {
        consent.cancelConsent();
    }

    public static boolean wellFormed(String typed) {
        return typed != null && CODE.matcher(typed.strip()).matches();
    }
}
