package dev.outband.wsman.amt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class PlatformGuidTest {
    @Test
    void thePlatformGuidStoresTheFirstThreeFieldsLittleEndian() throws Exception {
        UUID uuid = UUID.fromString("03020100-0504-0706-0809-0a0b0c0d0e0f");
        assertThat(IdentityService.platformGuid(uuid)).isEqualTo("000102030405060708090A0B0C0D0E0F");
        assertThat(IdentityService.platformUuid("000102030405060708090A0B0C0D0E0F")).isEqualTo(uuid);
    }
}
