package dev.outband.wsman.amt.hardware;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.CimObject;
import java.util.List;

/** Reads chassis, BIOS, processors, memory and storage. */
public final class HardwareService {
    private final WsmanClient wsman;

    public HardwareService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public HardwareInventory read() throws WsmanException {
        CimObject chassis = first(wsman.enumerate("CIM_Chassis"));
        CimObject bios = first(wsman.enumerate("CIM_BIOSElement"));
        List<String> cpus = wsman.enumerate("CIM_Processor").stream()
                .map(p -> p.get("OtherFamilyDescription") + " @ " + p.get("MaxClockSpeed") + " MHz").toList();
        long memory = wsman.enumerate("CIM_PhysicalMemory").stream().mapToLong(m -> m.getLong("Capacity", 0)).sum();
        List<String> storage = wsman.enumerate("CIM_MediaAccessDevice").stream()
                .map(d -> d.get("DeviceID") + " " + d.getLong("MaxMediaSize", 0) / 1_000_000 + " GB").toList();
        return new HardwareInventory(chassis.get("Manufacturer"), chassis.get("Model"), chassis.get("SerialNumber"),
                bios.get("Manufacturer"), bios.get("Version"), cpus, memory, storage);
    }

    private static CimObject first(List<CimObject> items) {
        return items.isEmpty() ? new CimObject("", java.util.Map.of()) : items.getFirst();
    }
}
