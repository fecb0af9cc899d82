package dev.outband.wsman.amt.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.identity.AmtIdentity.ProvisioningMode;
import dev.outband.wsman.amt.identity.AmtIdentity.ProvisioningState;
import org.junit.jupiter.api.Test;

/**
 * The name a device goes by, from AMT_GeneralSettings as real devices report it: DMT MPS's recorded reply has
 * HostName "Vyshali_sign" and an empty DomainName; freshly provisioned devices report both empty.
 */
class AmtIdentityNameTest {
    @Test
    void aHostNameWithoutADomainIsTheNameAndADomainIsJoinedWithADot() {
        assertThat(identity("Vyshali_sign", "").fqdn()).contains("Vyshali_sign");
        assertThat(identity("laptop-7", "example.com").fqdn()).contains("laptop-7.example.com");
    }

    @Test
    void aDeviceWithoutAHostNameHasNoName() {
        assertThat(identity("", "").fqdn()).isEmpty();
        assertThat(identity(null, "example.com").fqdn()).isEmpty();
    }

    private static AmtIdentity identity(String host, String domain) {
        return new AmtIdentity("16.1.25", ProvisioningMode.ADMIN_CONTROL, ProvisioningState.POST_PROVISIONING, host,
                domain, "Digest:D29C0000000000000000000000000000", null);
    }
}
