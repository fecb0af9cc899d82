package dev.outband.wsman;

import java.util.Map;

/**
 * Names of the ReturnValue codes AMT and CIM methods use. 0–6 and 4096–4099 are the CIM method values of DMTF
 * DSP1027 (Power State Management Profile, RequestPowerStateChange); the others are AMT's PT_STATUS values.
 */
public final class ReturnValues {
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0L, "Success"),
            Map.entry(1L, "Not supported"),
            Map.entry(2L, "Unknown or unspecified error"),
            Map.entry(3L, "Cannot complete within timeout"),
            Map.entry(4L, "Failed"),
            Map.entry(5L, "Invalid parameter"),
            Map.entry(6L, "In use"),
            Map.entry(4096L, "Job started"),
            Map.entry(4097L, "Invalid state transition"),
            Map.entry(4098L, "Timeout parameter not supported"),
            Map.entry(4099L, "Busy"),
            Map.entry(0x24L, "Invalid parameter"),
            Map.entry(35L, "Invalid index"),
            Map.entry(23L, "Maximum limit reached"),
            Map.entry(38L, "Flash write limit exceeded"),
            Map.entry(0x800L, "Not permitted"),
            Map.entry(2053L, "Invalid handle"),
            Map.entry(2058L, "Duplicate"),
            Map.entry(2062L, "Invalid key"),
            Map.entry(2063L, "Invalid certificate"),
            Map.entry(2064L, "Certificate does not match the key"),
            Map.entry(2068L, "Not found"),
            Map.entry(2066L, "Invalid user consent code"),
            Map.entry(2067L, "User consent not in the right state"),
            Map.entry(12L, "Invalid name"),
            Map.entry(16L, "Not permitted"),
            Map.entry(26L, "Invalid DHCP mode"),
            Map.entry(27L, "Invalid IP address"),
            Map.entry(37L, "Invalid subnet mask"),
            Map.entry(2055L, "Invalid realm"));

    private ReturnValues() {
    }

    public static String name(long value) {
        return NAMES.getOrDefault(value, "Error");
    }
}
