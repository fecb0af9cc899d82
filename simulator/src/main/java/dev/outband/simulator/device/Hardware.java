package dev.outband.simulator.device;

/** The inventory the device reports. */
public record Hardware(
        String manufacturer, String model, String serialNumber, String biosVersion, String biosVendor,
        String processor, int processorMhz, long memoryBytes, String diskModel, long diskBytes) {

    public static Hardware sample(int index) {
        return new Hardware("Outband Virtual Systems", "VPro Sim " + (800 + index % 100), "SIM" + String.format("%07d", index),
                "V1.2." + index % 10, "Outband BIOS", "Intel(R) Core(TM) i7-1185G7 @ 3.00GHz", 3000,
                16L << 30, "Virtual NVMe 512GB", 512L * 1_000_000_000L);
    }
}
