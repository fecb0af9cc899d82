package dev.outband.wsman.amt.hardware;

import java.util.List;

/**
 * What the device is made of, as AMT reports it. Sources that report no memory modules or network cards
 * (a remote MPS's hardware reply has no network cards) give empty lists.
 */
public record HardwareInventory(
        String manufacturer, String model, String serialNumber, String biosVendor, String biosVersion,
        List<String> processors, long memoryBytes, List<String> storage, List<MemoryModule> memoryModules,
        List<NetworkCard> networkCards) {
    public HardwareInventory {
        memoryModules = List.copyOf(memoryModules);
        networkCards = List.copyOf(networkCards);
    }

    public HardwareInventory(String manufacturer, String model, String serialNumber, String biosVendor,
                             String biosVersion, List<String> processors, long memoryBytes, List<String> storage) {
        this(manufacturer, model, serialNumber, biosVendor, biosVersion, processors, memoryBytes, storage, List.of(),
                List.of());
    }
}
