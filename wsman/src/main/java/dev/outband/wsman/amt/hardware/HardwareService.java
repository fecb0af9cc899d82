package dev.outband.wsman.amt.hardware;

import dev.outband.wsman.SoapFaultException;
import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.soap.CimObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads chassis, BIOS, processors, memory modules, storage and network cards. */
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
        List<MemoryModule> modules = wsman.enumerate("CIM_PhysicalMemory").stream().map(MemoryModule::from).toList();
        long memory = modules.stream().mapToLong(MemoryModule::capacityBytes).sum();
        List<String> storage = wsman.enumerate("CIM_MediaAccessDevice").stream()
                .map(d -> d.get("DeviceID") + " " + d.getLong("MaxMediaSize", 0) / 1_000_000 + " GB").toList();
        return new HardwareInventory(chassis.get("Manufacturer"), chassis.get("Model"), chassis.get("SerialNumber"),
                bios.get("Manufacturer"), bios.get("Version"), cpus, memory, storage, modules, networkCards());
    }

    /**
     * AMT's ports (AMT_EthernetPortSettings: MAC, link) with the speeds CIM_EthernetPort reports for them; the
     * two share the trailing port number of their ids ("… Port Settings 0", "… Port 0").
     */
    private List<NetworkCard> networkCards() throws WsmanException {
        Map<String, Long> speeds = new HashMap<>();
        try {
            for (CimObject port : wsman.enumerate("CIM_EthernetPort")) {
                speeds.put(portNumber(port.get("DeviceID")), port.getLong("Speed", 0));
            }
        } catch (SoapFaultException olderFirmware) {
            // Firmware without CIM_EthernetPort: the cards are still listed, without a speed.
        }
        List<NetworkCard> cards = new ArrayList<>();
        for (CimObject settings : wsman.enumerate("AMT_EthernetPortSettings")) {
            EthernetPort port = EthernetPort.from(settings);
            cards.add(new NetworkCard(port.wireless() ? "Wireless" : "Wired", port.wireless(), port.macAddress(),
                    port.linkUp(), speeds.getOrDefault(portNumber(port.instanceId()), 0L)));
        }
        return cards;
    }

    private static String portNumber(String id) {
        return id.substring(id.lastIndexOf(' ') + 1);
    }

    private static CimObject first(List<CimObject> items) {
        return items.isEmpty() ? new CimObject("", java.util.Map.of()) : items.getFirst();
    }
}
