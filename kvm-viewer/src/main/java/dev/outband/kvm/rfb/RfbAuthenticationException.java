package dev.outband.kvm.rfb;

import java.io.IOException;

/** The server refused us: wrong VNC password, no usable security type, or a refusal reason. */
public class RfbAuthenticationException extends IOException {
    public RfbAuthenticationException(String message) {
        super(message);
    }
}
