package dev.outband.kvm.redirection;

import java.io.IOException;

/** The device refused or broke the redirection handshake; the message is for the technician. */
public class RedirectionException extends IOException {
    public RedirectionException(String message) {
        super(message);
    }
}
