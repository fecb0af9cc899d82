package dev.outband.wsman.amt.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.RecordedItem;
import org.junit.jupiter.api.Test;

/**
 * Network settings as AMT reports them, from replies recorded in the public go-wsman-messages repository
 * (pkg/wsman/wsmantesting/responses/amt/ethernetport/pull.xml and put.xml,
 * cim/wifi/endpointsettings/pull.xml); the property values below are transcribed from those files.
 */
class RecordedNetworkRepliesTest {
    private static final String ETHERNET = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_EthernetPortSettings";

    @Test
    void theRecordedWiredPortIsOnDhcpWithItsGatewayAndLinkPolicies() throws Exception {
        EthernetPort wired = EthernetPort.from(RecordedItem.parse(ETHERNET, "AMT_EthernetPortSettings",
                "<h:DHCPEnabled>true</h:DHCPEnabled><h:DefaultGateway>192.168.6.1</h:DefaultGateway>"
                        + "<h:ElementName>Intel(r) AMT Ethernet Port Settings</h:ElementName>"
                        + "<h:InstanceID>Intel(r) AMT Ethernet Port Settings 0</h:InstanceID>"
                        + "<h:IpSyncEnabled>true</h:IpSyncEnabled><h:LinkIsUp>true</h:LinkIsUp>"
                        + "<h:LinkPolicy>1</h:LinkPolicy><h:LinkPolicy>14</h:LinkPolicy>"
                        + "<h:PhysicalConnectionType>0</h:PhysicalConnectionType>"
                        + "<h:PrimaryDNS>192.168.6.1</h:PrimaryDNS><h:SharedDynamicIP>true</h:SharedDynamicIP>"
                        + "<h:SharedMAC>true</h:SharedMAC><h:SharedStaticIp>false</h:SharedStaticIp>"
                        + "<h:SubnetMask>255.255.255.0</h:SubnetMask>"));

        assertThat(wired.wireless()).isFalse();
        assertThat(wired.dhcpEnabled()).isTrue();
        assertThat(wired.linkUp()).isTrue();
        assertThat(wired.defaultGateway()).isEqualTo("192.168.6.1");
        assertThat(wired.subnetMask()).isEqualTo("255.255.255.0");
        assertThat(wired.ipAddress()).isEmpty();
        assertThat(wired.linkPolicy()).containsExactly(1, 14);
        assertThat(WiredSettings.modeOf(wired)).isEqualTo(WiredSettings.Mode.DHCP);
    }

    @Test
    void theRecordedWirelessPortIsTheOneOfTypeWirelessLan() throws Exception {
        EthernetPort wireless = EthernetPort.from(RecordedItem.parse(ETHERNET, "AMT_EthernetPortSettings",
                "<h:ConsoleTcpMaxRetransmissions>5</h:ConsoleTcpMaxRetransmissions>"
                        + "<h:DHCPEnabled>true</h:DHCPEnabled>"
                        + "<h:InstanceID>Intel(r) AMT Ethernet Port Settings 1</h:InstanceID>"
                        + "<h:LinkControl>2</h:LinkControl><h:LinkIsUp>false</h:LinkIsUp>"
                        + "<h:LinkPreference>2</h:LinkPreference><h:PhysicalConnectionType>3</h:PhysicalConnectionType>"
                        + "<h:SharedMAC>true</h:SharedMAC><h:WLANLinkProtectionLevel>1</h:WLANLinkProtectionLevel>"));

        assertThat(wireless.wireless()).isTrue();
        assertThat(wireless.linkUp()).isFalse();
        assertThat(wireless.macAddress()).isEmpty();
    }

    @Test
    void theRecordedPutReplyIsAStaticAddressSharedWithTheHost() throws Exception {
        EthernetPort put = EthernetPort.from(RecordedItem.parse(ETHERNET, "AMT_EthernetPortSettings",
                "<h:DHCPEnabled>true</h:DHCPEnabled><h:DefaultGateway>192.168.0.1</h:DefaultGateway>"
                        + "<h:InstanceID>Intel(r) AMT Ethernet Port Settings 0</h:InstanceID>"
                        + "<h:IpSyncEnabled>true</h:IpSyncEnabled><h:LinkIsUp>true</h:LinkIsUp>"
                        + "<h:LinkPolicy>1</h:LinkPolicy><h:LinkPolicy>14</h:LinkPolicy><h:LinkPolicy>16</h:LinkPolicy>"
                        + "<h:PhysicalConnectionType>0</h:PhysicalConnectionType>"
                        + "<h:PrimaryDNS>68.105.28.11</h:PrimaryDNS><h:SecondaryDNS>68.105.29.11</h:SecondaryDNS>"
                        + "<h:SharedDynamicIP>true</h:SharedDynamicIP><h:SharedMAC>true</h:SharedMAC>"
                        + "<h:SharedStaticIp>true</h:SharedStaticIp><h:SubnetMask>255.255.255.0</h:SubnetMask>"));

        assertThat(put.primaryDns()).isEqualTo("68.105.28.11");
        assertThat(put.secondaryDns()).isEqualTo("68.105.29.11");
        assertThat(put.sharedStaticIp()).isTrue();
        assertThat(put.linkPolicy()).containsExactly(1, 14, 16);
    }

    @Test
    void theRecordedWirelessProfileIsAnOpenWepNetwork() throws Exception {
        WifiProfile profile = WifiProfile.from(RecordedItem.parse(
                "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_WiFiEndpointSettings", "CIM_WiFiEndpointSettings",
                "<h:AuthenticationMethod>2</h:AuthenticationMethod><h:BSSType>3</h:BSSType>"
                        + "<h:ElementName>Test</h:ElementName><h:EncryptionMethod>2</h:EncryptionMethod>"
                        + "<h:InstanceID>Test</h:InstanceID><h:Priority>1</h:Priority><h:SSID>testSSID</h:SSID>"));

        assertThat(profile).isEqualTo(new WifiProfile("Test", "testSSID", 1, "Open system", "WEP"));
    }
}
