package dev.outband.kvm.ider;

import java.io.IOException;

/** The IDE-R peer broke the protocol; the message says what was wrong, for the technician. */
public class IderException extends IOException {
    public IderException(String message) {
        super(message);
    }
}
