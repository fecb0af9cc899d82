package dev.outband.simulator.device;

import java.time.Instant;

/** An event-log entry the device records, in PET terms (IPMI sensor type, offset, severity, entity). */
public record PetEvent(Instant time, int sensorType, int eventOffset, int severity, int entity, int data2) {
    static final int FIRMWARE_PROGRESS = 0x0F;
    static final int ACPI_POWER_STATE = 0x22;
    static final int ENTITY_BIOS = 0x22;
    static final int ENTITY_SYSTEM_BOARD = 0x07;
    static final int MONITOR = 0x01;
    static final int INFORMATION = 0x02;
    /** IPMI firmware progress codes (event data 2) the simulated BIOS reports. */
    static final int PROGRESS_SETUP = 0x05;
    static final int PROGRESS_OS_BOOT = 0x13;
}
