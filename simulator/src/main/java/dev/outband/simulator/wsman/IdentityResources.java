package dev.outband.simulator.wsman;

import dev.outband.simulator.device.Hardware;
import dev.outband.wsman.amt.identity.IdentityService;
import java.util.List;

/** Versions, provisioning, general settings and the hardware inventory. */
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
                ResourceClass.of("AMT_SetupAndConfigurationService", d -> List.of(
                        Instance.of("AMT_SetupAndConfigurationService")
                                .with("CreationClassName", "AMT_SetupAndConfigurationService")
                                .with("ElementName", "Intel(r) AMT Setup and Configuration Service")
                                .with("EnabledState", 5)
                                .with("Name", "Intel(r) AMT Setup and Configuration Service")
                                .with("PasswordModel", 1)
                                .with("ProvisioningMode", d.config().provisioningMode())
                                .with("ProvisioningServerOTP", "")
                                .with("ProvisioningState", 2)
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT"))).build(),
                ResourceClass.of("AMT_GeneralSettings", d -> List.of(
                        Instance.of("AMT_GeneralSettings")
                                .with("AMTNetworkEnabled", 1)
                                .with("DDNSPeriodicUpdateInterval", 1440)
                                .with("DDNSTTL", 900).with("DDNSUpdateByDHCPServerEnabled", true)
                                .with("DDNSUpdateEnabled", false)
                                .with("DHCPv6ConfigurationTimeout", 0)
                                .with("DigestRealm", d.digestRealm())
                                .with("DomainName", "lab.outband.test")
                                .with("ElementName", "Intel(r) AMT: General Settings")
                                .with("HostName", d.name())
                                .with("HostOSFQDN", d.name() + ".lab.outband.test")
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
                                .with("WsmanOnlyMode", false))).build(),
                ResourceClass.of("CIM_ComputerSystemPackage", d -> List.of(
                        Instance.of("CIM_ComputerSystemPackage")
                                .with("PlatformGUID", IdentityService.platformGuid(d.uuid())))).build(),
                ResourceClass.of("CIM_Chassis", d -> List.of(chassis(d.config().hardware()))).build(),
                ResourceClass.of("CIM_BIOSElement", d -> List.of(Instance.of("CIM_BIOSElement")
                        .with("ElementName", "Primary BIOS").with("Manufacturer", d.config().hardware().biosVendor())
                        .with("Name", "Primary BIOS").with("PrimaryBIOS", true)
                        .with("ReleaseDate", "2024-05-17T00:00:00Z")
                        .with("SoftwareElementID", d.config().hardware().biosVersion())
                        .with("Version", d.config().hardware().biosVersion()))).build(),
                ResourceClass.of("CIM_Processor", d -> List.of(Instance.of("CIM_Processor")
                        .with("CPUStatus", 1).with("CreationClassName", "CIM_Processor")
                        .with("CurrentClockSpeed", d.config().hardware().processorMhz())
                        .with("DeviceID", "CPU 0").with("ElementName", "Managed System CPU")
                        .with("EnabledState", 2).with("Family", 198)
                        .with("MaxClockSpeed", d.config().hardware().processorMhz())
                        .with("OtherFamilyDescription", d.config().hardware().processor())
                        .with("UpgradeMethod", 1))).build(),
                ResourceClass.of("CIM_PhysicalMemory", d -> List.of(Instance.of("CIM_PhysicalMemory")
                        .with("BankLabel", "BANK 0").with("Capacity", d.config().hardware().memoryBytes())
                        .with("CreationClassName", "CIM_PhysicalMemory").with("ElementName", "Managed System Memory Chip")
                        .with("FormFactor", 13).with("Manufacturer", "Virtual DRAM").with("MemoryType", 26)
                        .with("PartNumber", "SIM-16G").with("SerialNumber", "00000001").with("Speed", 3200)
                        .with("Tag", "9876543210 "))).build(),
                ResourceClass.of("CIM_MediaAccessDevice", d -> List.of(Instance.of("CIM_MediaAccessDevice")
                        .with("Capabilities", List.of("4", "10")).with("CreationClassName", "CIM_MediaAccessDevice")
                        .with("DeviceID", "MEDIA DEV 0").with("ElementName", "Managed System Media Access Device")
                        .with("EnabledDefault", 2).with("EnabledState", 0)
                        .with("MaxMediaSize", d.config().hardware().diskBytes() / 1000)
                        .with("OperationalStatus", 0).with("RequestedState", 12)
                        .with("Security", 2))).build());
    }

    private static Instance software(String id, String version) {
        return Instance.of("CIM_SoftwareIdentity").with("InstanceID", id).with("IsEntity", true)
                .with("VersionString", version);
    }

    private static Instance chassis(Hardware hw) {
        return Instance.of("CIM_Chassis").with("ChassisPackageType", 3)
                .with("CreationClassName", "CIM_Chassis").with("ElementName", "Managed System Chassis")
                .with("Manufacturer", hw.manufacturer()).with("Model", hw.model())
                .with("OperationalStatus", 0).with("PackageType", 3)
                .with("SerialNumber", hw.serialNumber()).with("Tag", "CIM_Chassis").with("Version", "1.0");
    }
}
