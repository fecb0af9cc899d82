package dev.outband.simulator.device;

/**
 * AMT's PT_STATUS return values that its certificate, TLS, remote-access, setup-and-configuration and
 * authorization methods answer with (values as go-wsman-messages' amt/…/decoder.go list them).
 */
public final class PtStatus {
    public static final long SUCCESS = 0;
    public static final long INVALID_NAME = 12;
    public static final long NOT_PERMITTED = 16;
    public static final long MAX_LIMIT_REACHED = 23;
    public static final long INVALID_PARAMETER = 36;
    public static final long INVALID_HANDLE = 2053;
    public static final long INVALID_PASSWORD = 2054;
    public static final long INVALID_REALM = 2055;
    public static final long DATA_MISSING = 2057;
    public static final long DUPLICATE = 2058;
    public static final long INVALID_KEY_LENGTH = 2062;
    public static final long INVALID_CERT = 2063;

    private PtStatus() {
    }
}
