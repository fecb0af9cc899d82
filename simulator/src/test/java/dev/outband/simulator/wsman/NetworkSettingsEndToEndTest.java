package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * The wired port's addressing as a provisioning profile sets it: rps' wired network step Puts
 * AMT_EthernetPortSettings "… Settings 0" (static: DHCPEnabled false, IpSyncEnabled and SharedStaticIp as the
 * profile says) and requires the reply to echo those values. Reply shape as go-wsman-messages'
 * amt/ethernetport/put.xml.
 */
@Timeout(30)
class NetworkSettingsEndToEndTest {
    private static final Reference WIRED = Reference.of("AMT_EthernetPortSettings", "InstanceID",
            "Intel(r) AMT Ethernet Port Settings 0");

    private static Element put(RawWsman wsman, boolean dhcp, boolean ipSync, String ip) throws WsmanException {
        return wsman.put(WIRED, new Argument.Value("DHCPEnabled", String.valueOf(dhcp)),
                new Argument.Value("ElementName", "Intel(r) AMT Ethernet Port Settings"),
                new Argument.Value("InstanceID", "Intel(r) AMT Ethernet Port Settings 0"),
                new Argument.Value("IpSyncEnabled", String.valueOf(ipSync)),
                new Argument.Value("SharedStaticIp", String.valueOf(ipSync)),
                new Argument.Value("IPAddress", ip), new Argument.Value("SubnetMask", "255.255.255.0"),
                new Argument.Value("DefaultGateway", "10.0.0.1"), new Argument.Value("PrimaryDNS", "10.0.0.2"),
                new Argument.Value("SecondaryDNS", "10.0.0.3"));
    }

    @Test
    void aStaticAddressIsTakenEchoedAndUnprovisionGoesBackToDhcp() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman admin = sim.raw();
            Element reply = put(admin, false, false, "10.0.0.50");
            assertThat(RawWsman.childNames(reply)).containsExactly("DHCPEnabled", "DefaultGateway", "ElementName",
                    "IPAddress", "InstanceID", "IpSyncEnabled", "LinkIsUp", "LinkPolicy", "LinkPolicy", "MACAddress",
                    "PhysicalConnectionType", "PrimaryDNS", "SecondaryDNS", "SharedDynamicIP", "SharedMAC",
                    "SharedStaticIp", "SubnetMask");
            assertThat(RawWsman.text(reply, "DHCPEnabled")).isEqualTo("false");
            assertThat(RawWsman.text(reply, "IpSyncEnabled")).isEqualTo("false");
            assertThat(RawWsman.text(reply, "SharedStaticIp")).isEqualTo("false");
            assertThat(RawWsman.text(admin.get(WIRED), "IPAddress")).isEqualTo("10.0.0.50");

            assertThat(RawWsman.text(admin.invoke("AMT_SetupAndConfigurationService", "Unprovision",
                    new Argument.Value("ProvisioningMode", "1")), "ReturnValue")).isEqualTo("0");
            assertThat(sim.device.network().current().dhcp()).isTrue();
        }
    }

    @Test
    void aStaticPortWithoutAnAddressOrTheHostsIsRefused() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman admin = sim.raw();
            assertThatThrownBy(() -> put(admin, false, false, "")).isInstanceOf(WsmanException.class);
            assertThat(RawWsman.text(admin.get(WIRED), "DHCPEnabled")).isEqualTo("true");
            assertThat(RawWsman.text(put(admin, false, true, ""), "SharedStaticIp")).isEqualTo("true");
        }
    }
}
