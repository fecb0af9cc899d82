package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.device.WiredNetwork;
import dev.outband.wsman.soap.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * Platform classes that management servers read, shaped as AMT 16 reports them: boot sources, the
 * wired and wireless port settings, the wake-up alarm, the screens KVM can show, and the OS admin's role.
 */
final class PlatformResources {
    private static final String ETHERNET = "AMT_EthernetPortSettings";
    private static final String WIRED_ID = "Intel(r) AMT Ethernet Port Settings 0";

    private PlatformResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("CIM_BootSourceSetting", d -> List.of(
                        bootSource("Intel(r) AMT: Force Hard-drive Boot", "CIM:Hard-Disk:1"),
                        bootSource("Intel(r) AMT: Force PXE Boot", "CIM:Network:1"),
                        bootSource("Intel(r) AMT: Force CD/DVD Boot", "CIM:CD/DVD:1"))).build(),
                ResourceClass.of(ETHERNET, d -> List.of(wired(d), wireless())).keys("InstanceID")
                        .put((d, body) -> {
                            if (!WIRED_ID.equals(body.find("InstanceID").orElse(""))) {
                                throw SoapFault.invalidRepresentation("InstanceID");
                            }
                            WiredNetwork.Settings now = d.network().current();
                            WiredNetwork.Settings updated = new WiredNetwork.Settings(body.getBoolean("DHCPEnabled"),
                                    body.getBoolean("IpSyncEnabled"), body.getBoolean("SharedStaticIp"),
                                    body.find("IPAddress").orElse(""), body.find("SubnetMask").orElse(now.subnetMask()),
                                    body.find("DefaultGateway").orElse(now.defaultGateway()),
                                    body.find("PrimaryDNS").orElse(now.primaryDns()),
                                    body.find("SecondaryDNS").orElse(""));
                            if (!d.network().put(updated)) {
                                throw SoapFault.invalidRepresentation("IPAddress");
                            }
                            return wired(d);
                        })
                        .build(),
                ResourceClass.of("IPS_AlarmClockOccurrence", d -> List.of(weeklyWake(d))).build(),
                ResourceClass.of("IPS_ScreenSettingData", d -> List.of(Instance.of("IPS_ScreenSettingData")
                        .with("ElementName", "Intel(r) Screen Settings")
                        .with("InstanceID", "Intel(r) Screen Settings")
                        .with("IsActive", List.of("true", "false", "false", "false"))
                        .with("PrimaryIndex", 1).with("QuadraryIndex", 4)
                        .with("ResolutionX", List.of("800", "0", "0", "0"))
                        .with("ResolutionY", List.of("600", "0", "0", "0"))
                        .with("SecondaryIndex", 2).with("TertiaryIndex", 3)
                        .with("UpperLeftX", List.of("0", "-1", "-1", "-1"))
                        .with("UpperLeftY", List.of("0", "-1", "-1", "-1")))).build(),
                ResourceClass.of("CIM_ConcreteDependency", d -> List.of(Instance.of("CIM_ConcreteDependency")
                        .with("Antecedent", Reference.of("CIM_Identity", "InstanceID", "Intel(r) AMT:$$OsAdmin"))
                        .with("Dependent", Reference.of("CIM_Role", "CreationClassName", "CIM_Role", "Name",
                                "Intel(r) AMT:$$OsAdmin")))).build());
    }

    private static Instance bootSource(String instanceId, String structuredBootString) {
        return Instance.of("CIM_BootSourceSetting").with("ElementName", "Intel(r) AMT: Boot Source")
                .with("FailThroughSupported", 2).with("InstanceID", instanceId)
                .with("StructuredBootString", structuredBootString);
    }

    /** As amt/ethernetport/pull.xml; IPAddress and SecondaryDNS only once a profile set them (put.xml). */
    private static Instance wired(VirtualDevice d) {
        WiredNetwork.Settings n = d.network().current();
        Instance wired = Instance.of(ETHERNET).with("DHCPEnabled", n.dhcp()).with("DefaultGateway", n.defaultGateway())
                .with("ElementName", "Intel(r) AMT Ethernet Port Settings");
        if (!n.ipAddress().isEmpty()) {
            wired.with("IPAddress", n.ipAddress());
        }
        wired.with("InstanceID", WIRED_ID).with("IpSyncEnabled", n.ipSync())
                .with("LinkIsUp", true).with("LinkPolicy", List.of("1", "14")).with("MACAddress", mac(d))
                .with("PhysicalConnectionType", 0).with("PrimaryDNS", n.primaryDns());
        if (!n.secondaryDns().isEmpty()) {
            wired.with("SecondaryDNS", n.secondaryDns());
        }
        return wired.with("SharedDynamicIP", true).with("SharedMAC", true).with("SharedStaticIp", n.sharedStaticIp())
                .with("SubnetMask", n.subnetMask());
    }

    private static Instance wireless() {
        return Instance.of(ETHERNET).with("ConsoleTcpMaxRetransmissions", 5).with("DHCPEnabled", true)
                .with("ElementName", "Intel(r) AMT Ethernet Port Settings")
                .with("InstanceID", "Intel(r) AMT Ethernet Port Settings 1").with("LinkControl", 2)
                .with("LinkIsUp", false).with("LinkPreference", 2).with("MACAddress", "00-00-00-00-00-00")
                .with("PhysicalConnectionType", 3).with("SharedMAC", true).with("WLANLinkProtectionLevel", 1);
    }

    /** The wired MAC, stable per device: the last six bytes of its UUID, written as AMT writes MACs. */
    private static String mac(VirtualDevice d) {
        byte[] tail = ByteBuffer.allocate(8).putLong(d.uuid().getLeastSignificantBits()).array();
        return HexFormat.ofDelimiter("-").formatHex(tail, 2, 8);
    }

    /** The one alarm a simulated device has: wake every week, next at 02:00 a week from the device's today. */
    private static Instance weeklyWake(VirtualDevice d) {
        return Instance.of("IPS_AlarmClockOccurrence").with("ElementName", "Weekly wake")
                .with("InstanceID", "Weekly wake")
                .with("StartTime", Instance.Common.datetime(d.clock().truncatedTo(ChronoUnit.DAYS)
                        .plus(Duration.ofDays(7)).plus(Duration.ofHours(2))))
                .with("Interval", Instance.Common.interval("P7D"))
                .with("DeleteOnCompletion", false);
    }
}
