package dev.outband.simulator.wsman;

import dev.outband.simulator.device.Hardware;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.amt.identity.IdentityService;
import dev.outband.wsman.soap.Reference;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The hardware inventory, shaped as AMT 16 reports it. Enumerating a parent class returns its subclasses'
 * instances as AMT does: CIM_PhysicalPackage the base board (CIM_Card) and the chassis, CIM_Chip the
 * processor chip and the memory (CIM_PhysicalMemory).
 */
final class InventoryResources {
    private static final Reference MANAGED_SYSTEM = Reference.of("CIM_ComputerSystem", "CreationClassName",
            "CIM_ComputerSystem", "Name", "ManagedSystem");
    private static final Reference CHASSIS = Reference.of("CIM_Chassis", "CreationClassName", "CIM_Chassis",
            "Tag", "CIM_Chassis");

    private InventoryResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("CIM_ComputerSystemPackage", d -> List.of(systemPackage(d))).build(),
                ResourceClass.of("CIM_SystemPackaging", d -> List.of(systemPackage(d))).build(),
                ResourceClass.of("CIM_PhysicalPackage", d -> List.of(card(hardware(d)), chassis(hardware(d))))
                        .build(),
                ResourceClass.of("CIM_Card", d -> List.of(card(hardware(d)))).build(),
                ResourceClass.of("CIM_Chassis", d -> List.of(chassis(hardware(d)))).build(),
                ResourceClass.of("CIM_Chip", d -> Stream.concat(Stream.of(chip(hardware(d))),
                        memory(hardware(d)).stream()).toList()).build(),
                ResourceClass.of("CIM_PhysicalMemory", d -> memory(hardware(d))).build(),
                ResourceClass.of("CIM_BIOSElement", d -> List.of(Instance.of("CIM_BIOSElement")
                        .with("ElementName", "Primary BIOS").with("Manufacturer", hardware(d).biosVendor())
                        .with("Name", "Primary BIOS").with("PrimaryBIOS", true)
                        .with("ReleaseDate", "2024-05-17T00:00:00Z")
                        .with("SoftwareElementID", hardware(d).biosVersion())
                        .with("Version", hardware(d).biosVersion()))).build(),
                ResourceClass.of("CIM_Processor", d -> List.of(Instance.of("CIM_Processor")
                        .with("CPUStatus", 1).with("CreationClassName", "CIM_Processor")
                        .with("CurrentClockSpeed", hardware(d).processorMhz())
                        .with("DeviceID", "CPU 0").with("ElementName", "Managed System CPU")
                        .with("EnabledState", 2).with("Family", 198)
                        .with("MaxClockSpeed", hardware(d).processorMhz())
                        .with("OtherFamilyDescription", hardware(d).processor())
                        .with("UpgradeMethod", 1))).build(),
                ResourceClass.of("CIM_MediaAccessDevice", d -> List.of(Instance.of("CIM_MediaAccessDevice")
                        .with("Capabilities", List.of("4", "10")).with("CreationClassName", "CIM_MediaAccessDevice")
                        .with("DeviceID", "MEDIA DEV 0").with("ElementName", "Managed System Media Access Device")
                        .with("EnabledDefault", 2).with("EnabledState", 0)
                        .with("MaxMediaSize", hardware(d).diskBytes() / 1000)
                        .with("OperationalStatus", 0).with("RequestedState", 12)
                        .with("Security", 2))).build());
    }

    private static Hardware hardware(VirtualDevice d) {
        return d.config().hardware();
    }

    private static Instance systemPackage(VirtualDevice d) {
        return Instance.of("CIM_ComputerSystemPackage").with("Antecedent", CHASSIS).with("Dependent", MANAGED_SYSTEM)
                .with("PlatformGUID", IdentityService.platformGuid(d.uuid()));
    }

    private static Instance chassis(Hardware hw) {
        return Instance.of("CIM_Chassis").with("ChassisPackageType", 3)
                .with("CreationClassName", "CIM_Chassis").with("ElementName", "Managed System Chassis")
                .with("Manufacturer", hw.manufacturer()).with("Model", hw.model())
                .with("OperationalStatus", 0).with("PackageType", 3)
                .with("SerialNumber", hw.serialNumber()).with("Tag", "CIM_Chassis").with("Version", "1.0");
    }

    private static Instance card(Hardware hw) {
        return Instance.of("CIM_Card").with("CanBeFRUed", true).with("CreationClassName", "CIM_Card")
                .with("ElementName", "Managed System Base Board").with("Manufacturer", hw.manufacturer())
                .with("Model", hw.model() + " Board").with("OperationalStatus", 0).with("PackageType", 9)
                .with("SerialNumber", "B" + hw.serialNumber()).with("Tag", "CIM_Card").with("Version", "1.0");
    }

    private static Instance chip(Hardware hw) {
        return Instance.of("CIM_Chip").with("CanBeFRUed", true).with("CreationClassName", "CIM_Chip")
                .with("ElementName", "Managed System Processor Chip").with("Manufacturer", "Intel(R) Corporation")
                .with("OperationalStatus", 0).with("Tag", "CPU 0").with("Version", hw.processor());
    }

    /**
     * Two modules sharing the memory, shaped as cim/physical/memory/pull.xml records them: AMT 16 reports Speed 0
     * and the clock in ConfiguredMemoryClockSpeed, and numbers a repeated Tag.
     */
    private static List<Instance> memory(Hardware hw) {
        return IntStream.range(0, 2).mapToObj(i -> Instance.of("CIM_PhysicalMemory")
                .with("BankLabel", "BANK " + 2 * i).with("Capacity", hw.memoryBytes() / 2)
                .with("ConfiguredMemoryClockSpeed", 3200)
                .with("CreationClassName", "CIM_PhysicalMemory").with("ElementName", "Managed System Memory Chip")
                .with("FormFactor", 13).with("IsSpeedInMhz", true).with("Manufacturer", "859B")
                .with("MaxMemorySpeed", 3200).with("MemoryType", 26).with("PartNumber", "SIM8G4SFS832A ")
                .with("SerialNumber", String.format("E0E8%04X", i + 1)).with("Speed", 0)
                .with("Tag", i == 0 ? "9876543210" : "9876543210 (#" + i + ")")).toList();
    }
}
