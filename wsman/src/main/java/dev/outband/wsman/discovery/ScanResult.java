package dev.outband.wsman.discovery;

import java.time.Duration;
import java.util.List;

/** What a scan found, in address order, and how it ended. */
public record ScanResult(AddressRange range, List<DiscoveredDevice> devices, Duration elapsed, boolean cancelled) {
    public ScanResult {
        devices = List.copyOf(devices);
    }

    /** One line for a technician. */
    public String summary() {
        String found = devices.isEmpty() ? "No AMT device found" : devices.size() == 1 ? "1 AMT device found"
                : devices.size() + " AMT devices found";
        return found + " in " + range.size() + (range.size() == 1 ? " address" : " addresses") + " ("
                + range + ") in " + String.format("%.1f s", elapsed.toMillis() / 1000.0)
                + (cancelled ? "; cancelled before the end" : "");
    }
}
