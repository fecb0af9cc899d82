package dev.outband.simulator.wsman;

import dev.outband.simulator.device.Hardware;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.amt.identity.IdentityService;
import java.util.List;

/** Versions and general settings. */
final class IdentityResources {
    private IdentityResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("CIM_SoftwareIdentity", d -> {
                    // As AMT reports it: VersionString carries major.minor.build ("16.1.25"); servers split it on dots.
                    String version = d.config().amtVersion();
                    String build = d.config().amtBuild();
                    return List.of(software("Flash", version), software("Netstack", version),
                            software("AMTApps", version), software("AMT", version), software("Sku", "16392"),
                            software("VendorID", "8086"), software("Build Number", build),
                            software("Recovery Version", version), software("Recovery Build Num", build),
                            software("Legacy Mode", "False"), software("AMT FW Core Version", version));
                }).build(),
                ResourceClass.of("AMT_GeneralSettings", d -> List.of(
                        Instance.of("AMT_GeneralSettings")
                                .with("AMTNetworkEnabled", 1)
                                .with("DDNSPeriodicUpdateInterval", 1440)
                                .with("DDNSTTL", 900).with("DDNSUpdateByDHCPServerEnabled", true)
                                .with("DDNSUpdateEnabled", false)
                                .with("DHCPv6ConfigurationTimeout", 0)
                                .with("DigestRealm", d.digestRealm())
                                .with("DomainName", VirtualDevice.DOMAIN_NAME)
                                .with("ElementName", "Intel(r) AMT: General Settings")
                                .with("HostName", d.name())
                                .with("HostOSFQDN", d.name() + "." + VirtualDevice.DOMAIN_NAME)
                                .with("IdleWakeTimeout", 65535)
                                .with("InstanceID", "Intel(r) AMT: General Settings")
                                .with("NetworkInterfaceEnabled", true)
                                .with("PingResponseEnabled", true)
                                .with("PowerSource", 0)
                                .with("PreferredAddressFamily", 0)
                                .with("PresenceNotificationInterval", 0)
                                .with("PrivacyLevel", 0)
                                .with("RmcpPingResponseEnabled", true)
                                .with("SharedFQDN", true)
                                .with("ThunderboltDockEnabled", 0)
                                .with("WsmanOnlyMode", false))).build());
    }

    private static Instance software(String id, String version) {
        return Instance.of("CIM_SoftwareIdentity").with("InstanceID", id).with("IsEntity", true)
                .with("VersionString", version);
    }
}
