package dev.outband.simulator.device;

/**
 * ReturnValues of IPS_HostBasedSetupService's methods as the Intel AMT SDK defines them (Setup and AdminSetup
 * share one list, AddNextCertInChain orders the same words differently); transcribed from go-wsman-messages'
 * ips/hostbasedsetup/decoder.go, which mirrors the SDK. The AMT_ classes answer with {@link PtStatus}.
 */
public final class SetupReturn {
    public static final long SUCCESS = 0;
    /** Setup / AdminSetup (1 is an internal error): 2 invalid state, 3 invalid parameter, 5 authentication failed. */
    public static final long SETUP_INVALID_STATE = 2;
    public static final long SETUP_INVALID_PARAM = 3;
    public static final long SETUP_AUTH_FAILED = 5;
    /** AddNextCertInChain: 1 invalid parameter, 3 invalid state, 4 verification failed, 5 chain too long. */
    public static final long CHAIN_INVALID_PARAM = 1;
    public static final long CHAIN_INVALID_STATE = 3;
    public static final long CHAIN_VERIFY_FAILED = 4;
    public static final long CHAIN_TOO_LONG = 5;

    private SetupReturn() {
    }
}
