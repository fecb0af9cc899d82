package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.Reference;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Platform classes that management servers read, shaped as AMT 16 reports them: boot sources, the
 * wake-up alarm, the screens KVM can show, and the OS admin's role (the network ports: NetworkResources).
 */
final class PlatformResources {
    private PlatformResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("CIM_BootSourceSetting", d -> List.of(
                        bootSource("Intel(r) AMT: Force Hard-drive Boot", "CIM:Hard-Disk:1"),
                        bootSource("Intel(r) AMT: Force PXE Boot", "CIM:Network:1"),
                        bootSource("Intel(r) AMT: Force CD/DVD Boot", "CIM:CD/DVD:1"))).build(),
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
