package dev.outband.app.ui.details.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.amt.network.WiredSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wired form's checks, without a screen. Masks and subnets as RFC 4632 (CIDR) defines them. */
class WiredFormTest {
    private static final EthernetPort DHCP = new EthernetPort("Intel(r) AMT Ethernet Port Settings 0", false,
            "a4-bb-6d-89-52-e4", true, true, "192.168.1.50", "255.255.255.0", "192.168.1.1", "192.168.1.1", "",
            true, false, true, List.of(1, 14));

    @Test
    void aDhcpPortNeedsNoAddressAndKeepsItsMode() {
        WiredForm form = new WiredForm(DHCP);
        form.address().set("nonsense");

        assertThat(form.valid().get()).isTrue();
        assertThat(form.settings()).isEqualTo(WiredSettings.of(WiredSettings.Mode.DHCP));
    }

    @Test
    void aStaticAddressNeedsAMaskOfOnesThenZerosAndAGatewayInItsSubnet() {
        WiredForm form = new WiredForm(DHCP);
        form.mode().set(WiredSettings.Mode.STATIC);
        assertThat(form.valid().get()).as("the lease's values are a valid start").isTrue();

        form.mask().set("255.255.0.255");
        assertThat(form.maskError().get()).isEqualTo("a mask such as 255.255.255.0");
        form.mask().set("255.255.254.0");
        form.address().set("10.0.1.7");
        form.gateway().set("10.0.0.1");
        assertThat(form.gatewayError().get()).as("10.0.0.1 is inside 10.0.0.0/23").isEmpty();
        form.gateway().set("10.0.2.1");
        assertThat(form.gatewayError().get()).as("10.0.2.1 is outside 10.0.0.0/23")
                .isEqualTo("not in the address's subnet");
        form.gateway().set("10.0.0.1");
        form.primaryDns().set("10.0.0.256");
        assertThat(form.primaryDnsError().get()).isEqualTo("the DNS server's IPv4 address");
        form.primaryDns().set("10.0.0.53");
        form.secondaryDns().set(" ");
        assertThat(form.valid().get()).isTrue();
        assertThat(form.settings()).isEqualTo(WiredSettings.staticAddress("10.0.1.7", "255.255.254.0", "10.0.0.1",
                "10.0.0.53", ""));
    }

    @Test
    void onlyDottedQuadsAreAddresses() {
        assertThat(Ipv4.parse("192.168.1.1")).contains(0xC0A80101L);
        assertThat(Ipv4.parse("192.168.1")).isEmpty();
        assertThat(Ipv4.parse("192.168.1.1.")).isEmpty();
        assertThat(Ipv4.parse("1.2.3.-4")).isEmpty();
        assertThat(Ipv4.parse("example.com")).isEmpty();
        assertThat(Ipv4.mask(0xFFFFFF00L)).isTrue();
        assertThat(Ipv4.mask(0L)).isFalse();
        assertThat(Ipv4.mask(0xFFFFFFFFL)).isFalse();
    }
}
