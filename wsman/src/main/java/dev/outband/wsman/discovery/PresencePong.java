package dev.outband.wsman.discovery;

/**
 * An ASF Presence Pong as Intel AMT sends it.
 *
 * @param tag the ping's tag, echoed
 * @param oemIana the OEM's IANA number; Intel's is {@value #INTEL_IANA}
 * @param port the AMT port open for management (16992, or 16993 when only TLS is open)
 * @param versionMajor the high nibble of byte 18 (cannot tell AMT 16 and later apart: take the HTTP header)
 * @param versionMinor the low nibble of byte 18
 * @param provisioning bits 0–1 of byte 19; null when the bits say 3, which AMT does not define
 * @param bothPorts bit 2 of byte 19: 16992 and 16993 are open, so TLS is on
 * @param entities byte 20: bit 7 IPMI, bits 3:0 the ASF version
 * @param interactions byte 21: bit 7 RMCP security
 */
public record PresencePong(int tag, long oemIana, int port, int versionMajor, int versionMinor,
                           ProvisioningState provisioning, boolean bothPorts, int entities, int interactions) {
    public static final long INTEL_IANA = 343;

    /** Sent by Intel's firmware (a BMC or another ASF agent names its own OEM). */
    public boolean intel() {
        return oemIana == INTEL_IANA;
    }

    public String version() {
        return versionMajor + "." + versionMinor;
    }
}
