package dev.outband.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * AMT's PT_STATUS numbers as the public go-wsman-messages repository lists them (pkg/wsman/common/constants.go):
 * 23 MAX_LIMIT_REACHED, 35 INVALID_INDEX, 36 INVALID_PARAMETER, 38 FLASH_WRITE_LIMIT_EXCEEDED,
 * 2053 INVALID_HANDLE, 2058 DUPLICATE, 2062 INVALID_KEY, 2063 INVALID_CERT, 2064 CERT_KEY_NOT_MATCH, 2068 NOT_FOUND.
 */
class ReturnValuesTest {
    @Test
    void certificateAndRemoteAccessFailuresAreNamedAsAmtNamesThem() {
        assertThat(ReturnValues.name(23)).isEqualTo("Maximum limit reached");
        assertThat(ReturnValues.name(35)).isEqualTo("Invalid index");
        assertThat(ReturnValues.name(36)).isEqualTo("Invalid parameter");
        assertThat(ReturnValues.name(38)).isEqualTo("Flash write limit exceeded");
        assertThat(ReturnValues.name(2053)).isEqualTo("Invalid handle");
        assertThat(ReturnValues.name(2058)).isEqualTo("Duplicate");
        assertThat(ReturnValues.name(2062)).isEqualTo("Invalid key");
        assertThat(ReturnValues.name(2063)).isEqualTo("Invalid certificate");
        assertThat(ReturnValues.name(2064)).isEqualTo("Certificate does not match the key");
        assertThat(ReturnValues.name(2068)).isEqualTo("Not found");
        assertThat(ReturnValues.name(99999)).isEqualTo("Error");
    }

    /** DMTF DSP1027 (Power State Management Profile), RequestPowerStateChange's ValueMap. */
    @Test
    void powerStateChangeValuesAreNamedAsTheDmtfProfileNamesThem() {
        assertThat(ReturnValues.name(2)).isEqualTo("Unknown or unspecified error");
        assertThat(ReturnValues.name(4096)).isEqualTo("Job started");
        assertThat(ReturnValues.name(4097)).isEqualTo("Invalid state transition");
        assertThat(ReturnValues.name(4098)).isEqualTo("Timeout parameter not supported");
        assertThat(ReturnValues.name(4099)).isEqualTo("Busy");
    }
}
