package dev.outband.simulator.device;

/**
 * ReturnValues of the provisioning methods, as the Intel AMT SDK defines them for IPS_HostBasedSetupService
 * (Setup, AdminSetup, AddNextCertInChain share 0-3 and 5 but order them differently) and for
 * AMT_SetupAndConfigurationService (PT_STATUS codes). Transcribed from go-wsman-messages'
 * ips/hostbasedsetup/decoder.go and amt/setupandconfiguration/decoder.go, which mirror the SDK.
 */
public final class SetupReturn {
    public static final long SUCCESS = 0;
    /** Setup / AdminSetup: 1 internal error, 2 invalid state, 3 invalid parameter, 5 authentication failed. */
    public static final long SETUP_INTERNAL_ERROR = 1;
    public static final long SETUP_INVALID_STATE = 2;
    public static final long SETUP_INVALID_PARAM = 3;
    public static final long SETUP_AUTH_FAILED = 5;
    /** AddNextCertInChain: 1 invalid parameter, 3 invalid state, 4 verification failed, 5 chain too long. */
    public static final long CHAIN_INVALID_PARAM = 1;
    public static final long CHAIN_INVALID_STATE = 3;
    public static final long CHAIN_VERIFY_FAILED = 4;
    public static final long CHAIN_TOO_LONG = 5;
    /** AMT_SetupAndConfigurationService and AMT_AuthorizationService PT_STATUS codes (amt/authorization/decoder.go). */
    public static final long INVALID_NAME = 12;
    public static final long NOT_PERMITTED = 16;
    public static final long INVALID_PARAMETER = 36;
    public static final long INVALID_PASSWORD = 2054;

    private SetupReturn() {
    }
}
