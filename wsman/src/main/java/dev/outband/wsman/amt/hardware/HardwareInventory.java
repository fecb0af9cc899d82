package dev.outband.wsman.amt.hardware;

import java.util.List;

/** What the device is made of, as AMT reports it. */
public record HardwareInventory(
        String manufacturer, String model, String serialNumber, String biosVendor, String biosVersion,
        List<String> processors, long memoryBytes, List<String> storage) {
}
