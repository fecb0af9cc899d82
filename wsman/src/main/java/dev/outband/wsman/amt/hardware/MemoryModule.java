package dev.outband.wsman.amt.hardware;

import dev.outband.wsman.soap.CimObject;
import java.util.List;

/**
 * One memory module (CIM_PhysicalMemory). {@code speedMhz}: the configured clock where AMT reports one
 * (AMT 12 and later send Speed 0 and ConfiguredMemoryClockSpeed), else Speed; 0 when unknown.
 */
public record MemoryModule(String bank, long capacityBytes, long speedMhz, String type, String formFactor,
                           String manufacturer, String partNumber, String serialNumber) {
    /** CIM_PhysicalMemory.MemoryType 0–30 (DMTF CIM schema, as MeshCommander lists them). */
    private static final List<String> TYPES = List.of("Unknown", "Other", "DRAM", "Synchronous DRAM", "Cache DRAM",
            "EDO", "EDRAM", "VRAM", "SRAM", "RAM", "ROM", "Flash", "EEPROM", "FEPROM", "EPROM", "CDRAM", "3DRAM",
            "SDRAM", "SGRAM", "RDRAM", "DDR", "DDR2", "BRAM", "FB-DIMM", "DDR3", "FBD2", "DDR4", "LPDDR", "LPDDR2",
            "LPDDR3", "LPDDR4");
    /** CIM_PhysicalMemory.FormFactor 0–15. */
    private static final List<String> FORM_FACTORS = List.of("Unknown", "Other", "Unknown", "SIMM", "SIP", "Chip",
            "DIP", "ZIP", "Proprietary card", "DIMM", "TSOP", "Row of chips", "RIMM", "SODIMM", "SRIMM", "FB-DIMM");

    public static MemoryModule from(CimObject o) {
        long configured = o.getLong("ConfiguredMemoryClockSpeed", 0);
        return new MemoryModule(o.get("BankLabel"), o.getLong("Capacity", 0),
                configured > 0 ? configured : o.getLong("Speed", 0), named(TYPES, o.getLong("MemoryType", 0)),
                named(FORM_FACTORS, o.getLong("FormFactor", 0)), o.get("Manufacturer"), o.get("PartNumber").strip(),
                o.get("SerialNumber"));
    }

    private static String named(List<String> names, long value) {
        return value >= 0 && value < names.size() ? names.get((int) value) : "Type " + value;
    }
}
