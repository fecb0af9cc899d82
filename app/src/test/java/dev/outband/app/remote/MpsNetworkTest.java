package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.amt.ManagedDevice;
import dev.outband.app.store.RemoteSource;
import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.amt.network.NetworkSettings;
import dev.outband.wsman.amt.network.WifiProfile;
import dev.outband.wsman.amt.network.WiredSettings;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A device behind a remote MPS: its network settings through MPS's GET /api/v1/amt/networkSettings/:guid, with
 * the reply MPS builds from the recorded ports of its own test (src/routes/amt/networkSettings/
 * getNetworkSettings.test.ts, mapped as its helper.ts maps them); what MPS has no route for is refused in words.
 */
@Timeout(30)
class MpsNetworkTest {
    private static final String GUID = MpsShapesTest.GUID;
    private ApiServer mps;
    private RemoteSources sources;

    @BeforeEach
    void start() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
        mps = new ApiServer(clock).start();
        RemoteSource source = Sources.source("lab-mps", mps.url(), ApiServer.PASSWORD);
        sources = Sources.of(clock, RemoteSettings.defaults(), source);
    }

    @AfterEach
    void stop() {
        mps.close();
    }

    @Test
    void theNetworkSettingsMpsReportsAreReadAsAmtReportsThem() throws Exception {
        mps.json("GET /api/v1/amt/networkSettings/" + GUID, "{\"wired\":{\"elementName\":\"Intel(r) AMT Ethernet "
                + "Port Settings\",\"instanceID\":\"Intel(r) AMT Ethernet Port Settings 0\",\"vlanTag\":0,"
                + "\"sharedMAC\":true,\"macAddress\":\"a4-bb-6d-89-52-e4\",\"linkIsUp\":true,"
                + "\"linkPolicy\":[\"S0 AC\",\"Sx AC\"],\"sharedStaticIP\":false,\"sharedDynamicIP\":true,"
                + "\"ipSyncEnabled\":true,\"dhcpEnabled\":true,\"ipAddress\":\"192.168.1.50\","
                + "\"subnetMask\":\"255.255.255.0\",\"defaultGateway\":\"192.168.1.1\",\"primaryDNS\":\"192.168.1.1\","
                + "\"secondaryDNS\":\"\",\"physicalConnectionType\":\"Integrated LAN NIC\",\"physicalNICMedium\":\"SMBUS\","
                + "\"ieee8021x\":{\"enabled\":\"Disabled\",\"availableInS0\":true,\"pxeTimeout\":0}},"
                + "\"wireless\":{\"instanceID\":\"Intel(r) AMT Ethernet Port Settings 1\","
                + "\"macAddress\":\"00-00-00-00-00-00\",\"linkIsUp\":false,\"linkPolicy\":[\"S0 AC\"],"
                + "\"dhcpEnabled\":true,\"ipAddress\":\"192.168.1.80\",\"physicalConnectionType\":\"Wireless LAN\","
                + "\"linkPreference\":\"Management Engine\",\"linkControl\":\"Host\",\"wlanLinkProtectionLevel\":\"High\","
                + "\"wifiNetworks\":[{\"elementName\":\"home-ssid\",\"ssid\":\"home-ssid\","
                + "\"authenticationMethod\":\"WPA2PSK\",\"encryptionMethod\":\"CCMP\",\"priority\":1,"
                + "\"bsstype\":\"Infrastructure\"}],\"ieee8021xSettings\":[]}}");

        NetworkSettings network = device().network();

        EthernetPort wired = network.wired().orElseThrow();
        assertThat(wired.macAddress()).isEqualTo("a4-bb-6d-89-52-e4");
        assertThat(wired.ipAddress()).isEqualTo("192.168.1.50");
        assertThat(wired.linkPolicy()).containsExactly(1, 14);
        assertThat(WiredSettings.modeOf(wired)).isEqualTo(WiredSettings.Mode.DHCP);
        assertThat(network.wireless().orElseThrow().ipAddress()).isEqualTo("192.168.1.80");
        assertThat(network.wifiProfiles()).containsExactly(new WifiProfile("home-ssid", "home-ssid", 1, "WPA2 PSK",
                "CCMP"));
    }

    @Test
    void accountsAndTheClockAreRefusedAsNotAvailableThroughMps() throws Exception {
        ManagedDevice device = device();
        assertThatThrownBy(device::users).isInstanceOf(IOException.class)
                .hasMessage("AMT's user accounts are not available through an MPS source (lab-mps)");
        assertThatThrownBy(device::synchronizeClock).isInstanceOf(IOException.class)
                .hasMessage("The device's clock is not available through an MPS source (lab-mps)");
        assertThatThrownBy(() -> device.setWired(WiredSettings.of(WiredSettings.Mode.DHCP)))
                .hasMessage("Changing the network settings is not available through an MPS source (lab-mps)");
    }

    private ManagedDevice device() throws Exception {
        return sources.open(Sources.device("lab-mps", GUID));
    }
}
