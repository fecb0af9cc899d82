package dev.outband.kvm.rfb;

import java.io.IOException;

/** The peer broke the RFB protocol or exceeded a limit; the session that saw it ends. */
public class RfbProtocolException extends IOException {
    public RfbProtocolException(String message) {
        super(message);
    }

    public RfbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
