package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.device.WiredPort;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

/**
 * The network ports, shaped as AMT 16 reports them (go-wsman-messages' recorded amt/ethernetport,
 * cim/ethernetport, cim/wifi/port and cim/wifi/endpointsettings replies): the wired and wireless
 * AMT_EthernetPortSettings, whose wired instance a Put edits, the wired CIM_EthernetPort, the Wi-Fi port and
 * one wireless profile.
 */
final class NetworkResources {
    private static final String ETHERNET = "AMT_EthernetPortSettings";
    private static final String WIRED_ID = "Intel(r) AMT Ethernet Port Settings 0";

    private NetworkResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of(ETHERNET, d -> List.of(wired(d), wireless())).keys("InstanceID")
                        .put(NetworkResources::putWired).build(),
                ResourceClass.of("CIM_EthernetPort", d -> List.of(Instance.of("CIM_EthernetPort")
                        .with("CreationClassName", "CIM_EthernetPort").with("Description", "Wired0")
                        .with("DeviceID", "Intel(r) AMT Ethernet Port 0")
                        .with("ElementName", "Intel(r) AMT Ethernet Port")
                        .with("EnabledDefault", 5).with("EnabledState", 2).with("LinkTechnology", 2)
                        .with("MaxSpeed", 2_500_000_000L).with("OperationalStatus", 0).with("PortType", 53)
                        .with("RequestedState", 12).with("Speed", 1_000_000_000L)
                        .with("SystemCreationClassName", "CIM_ComputerSystem").with("SystemName", "Intel(r) AMT")))
                        .build(),
                ResourceClass.of("CIM_WiFiPort", d -> List.of(Instance.of("CIM_WiFiPort")
                        .with("CreationClassName", "CIM_WiFiPort").with("DeviceID", "WiFi Port 0")
                        .with("ElementName", "WiFi Port 0").with("EnabledState", 32769).with("HealthState", 5)
                        .with("LinkTechnology", 11).with("PortType", 0).with("RequestedState", 32769)
                        .with("SystemCreationClassName", "CIM_ComputerSystem").with("SystemName", "Intel(r) AMT")))
                        .build(),
                ResourceClass.of("CIM_WiFiEndpointSettings", d -> List.of(Instance.of("CIM_WiFiEndpointSettings")
                        .with("AuthenticationMethod", 6).with("BSSType", 3).with("ElementName", "Lab Wi-Fi")
                        .with("EncryptionMethod", 4).with("InstanceID", "Intel(r) AMT:WiFi Endpoint Settings Lab Wi-Fi")
                        .with("Priority", 1).with("SSID", "outband-lab"))).build());
    }

    /** Properties in AMT's order; address fields only where AMT has an address for the port. */
    private static Instance wired(VirtualDevice d) {
        WiredPort.Addressing a = d.wiredPort().addressing();
        Instance port = Instance.of(ETHERNET).with("DHCPEnabled", a.dhcp()).with("DefaultGateway", a.gateway())
                .with("ElementName", "Intel(r) AMT Ethernet Port Settings").with("IPAddress", a.ipAddress())
                .with("InstanceID", WIRED_ID).with("IpSyncEnabled", a.ipSync())
                .with("LinkIsUp", true).with("LinkPolicy", List.of("1", "14")).with("MACAddress", mac(d))
                .with("PhysicalConnectionType", 0).with("PrimaryDNS", a.primaryDns());
        if (!a.secondaryDns().isEmpty()) {
            port.with("SecondaryDNS", a.secondaryDns());
        }
        return port.with("SharedDynamicIP", true).with("SharedMAC", true).with("SharedStaticIp", a.sharedStaticIp())
                .with("SubnetMask", a.subnetMask());
    }

    private static Instance wireless() {
        return Instance.of(ETHERNET).with("ConsoleTcpMaxRetransmissions", 5).with("DHCPEnabled", true)
                .with("ElementName", "Intel(r) AMT Ethernet Port Settings")
                .with("InstanceID", "Intel(r) AMT Ethernet Port Settings 1").with("LinkControl", 2)
                .with("LinkIsUp", false).with("LinkPreference", 2).with("MACAddress", "00-00-00-00-00-00")
                .with("PhysicalConnectionType", 3).with("SharedMAC", true).with("WLANLinkProtectionLevel", 1);
    }

    /** A Put names its instance by InstanceID; only the wired port's addressing can be changed here. */
    private static Instance putWired(VirtualDevice d, CimObject body) throws SoapFault {
        if (!WIRED_ID.equals(body.get("InstanceID"))) {
            throw invalid("only the wired port's settings can be put");
        }
        var refused = d.wiredPort().put(body.getBoolean("DHCPEnabled"), body.getBoolean("IpSyncEnabled"),
                body.getBoolean("SharedStaticIp"), body.get("IPAddress"), body.get("SubnetMask"),
                body.get("DefaultGateway"), body.get("PrimaryDNS"), body.get("SecondaryDNS"));
        if (refused.isPresent()) {
            throw invalid(refused.get());
        }
        return wired(d);
    }

    /** WS-Transfer's fault for a Put whose instance the service will not take. */
    private static SoapFault invalid(String detail) {
        return new SoapFault("Sender", Namespaces.TRANSFER, "InvalidRepresentation",
                "The XML content is invalid: " + detail);
    }

    /** The wired MAC, stable per device: the last six bytes of its UUID, written as AMT writes MACs. */
    private static String mac(VirtualDevice d) {
        byte[] tail = ByteBuffer.allocate(8).putLong(d.uuid().getLeastSignificantBits()).array();
        return HexFormat.ofDelimiter("-").formatHex(tail, 2, 8);
    }
}
