package dev.outband.cira.apf;

import java.io.IOException;

/** The peer sent bytes that are not valid APF; the session must end with PROTOCOL_ERROR. */
public final class ApfProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public ApfProtocolException(String reason) {
        super(reason);
    }
}
