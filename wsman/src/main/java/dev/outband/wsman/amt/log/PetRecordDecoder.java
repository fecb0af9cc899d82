package dev.outband.wsman.amt.log;

import java.time.Instant;
import java.util.Map;

/** Decodes AMT's 21-byte Platform Event Trap records (IPMI sensor types, entities, severities). */
public final class PetRecordDecoder {
    public static final int RECORD_LENGTH = 21;

    private static final Map<Integer, String> SENSORS = Map.ofEntries(
            Map.entry(0x01, "Temperature"), Map.entry(0x02, "Voltage"), Map.entry(0x04, "Fan"),
            Map.entry(0x05, "Physical security"), Map.entry(0x06, "Platform security"),
            Map.entry(0x07, "Processor"), Map.entry(0x08, "Power supply"), Map.entry(0x0C, "Memory"),
            Map.entry(0x0F, "System firmware progress"), Map.entry(0x10, "Event logging"),
            Map.entry(0x12, "System event"), Map.entry(0x1D, "System boot initiated"),
            Map.entry(0x1E, "Boot error"), Map.entry(0x20, "OS stop/shutdown"),
            Map.entry(0x22, "System ACPI power state"), Map.entry(0x23, "Watchdog"),
            Map.entry(0x25, "Entity presence"));
    private static final Map<Integer, String> ENTITIES = Map.ofEntries(
            Map.entry(0x00, "Unspecified"), Map.entry(0x03, "Processor"), Map.entry(0x07, "System board"),
            Map.entry(0x0A, "Power supply"), Map.entry(0x17, "System chassis"), Map.entry(0x20, "Memory device"),
            Map.entry(0x22, "BIOS"), Map.entry(0x23, "Operating system"), Map.entry(0x26, "Intel AMT"));
    /** IPMI system firmware progress codes (event data 2), as the public DMT decoder also names them. */
    private static final Map<Integer, String> PROGRESS = Map.ofEntries(
            Map.entry(0x01, "Memory initialization"), Map.entry(0x02, "Hard-disk initialization"),
            Map.entry(0x03, "Secondary processor initialization"), Map.entry(0x04, "User authentication"),
            Map.entry(0x05, "User-initiated system setup"), Map.entry(0x06, "USB resource configuration"),
            Map.entry(0x07, "PCI resource configuration"), Map.entry(0x08, "Option ROM initialization"),
            Map.entry(0x09, "Video initialization"), Map.entry(0x0A, "Cache initialization"),
            Map.entry(0x0B, "SM Bus initialization"), Map.entry(0x0C, "Keyboard controller initialization"),
            Map.entry(0x0D, "Embedded controller initialization"), Map.entry(0x12, "Calling OS wake-up vector"),
            Map.entry(0x13, "Starting operating system boot process"),
            Map.entry(0x14, "Baseboard initialization"), Map.entry(0x16, "Floppy initialization"),
            Map.entry(0x17, "Keyboard test"), Map.entry(0x18, "Pointing device test"),
            Map.entry(0x19, "Primary processor initialization"));
    private static final String[] ACPI_STATES = {"S0/G0 working", "S1 sleeping", "S2 sleeping", "S3 sleeping",
        "S4 hibernate", "S5/G2 soft-off", "S4/S5 soft-off", "G3 mechanical off"};

    private PetRecordDecoder() {
    }

    /** Decodes one record; rejects anything that is not exactly 21 bytes. */
    public static EventRecord decode(byte[] r) {
        if (r.length != RECORD_LENGTH) {
            throw new IllegalArgumentException("PET record must be 21 bytes, was " + r.length);
        }
        // AMT writes the PET time stamp little-endian, unlike the rest of IPMI's big-endian habits.
        long seconds = (r[0] & 0xFFL) | ((r[1] & 0xFF) << 8) | ((r[2] & 0xFF) << 16) | ((r[3] & 0xFFL) << 24);
        int sensorType = r[5] & 0xFF;
        int offset = r[7] & 0x0F;
        int severity = r[9] & 0xFF;
        int entity = r[11] & 0xFF;
        int data2 = r[14] & 0xFF;
        String sensor = SENSORS.getOrDefault(sensorType, String.format("Sensor type 0x%02X", sensorType));
        return new EventRecord(Instant.ofEpochSecond(seconds), sensorType, offset, severity, entity, sensor,
                describe(sensorType, offset, data2), severityName(severity),
                ENTITIES.getOrDefault(entity, String.format("Entity 0x%02X", entity)));
    }

    private static String describe(int sensorType, int offset, int data2) {
        return switch (sensorType) {
            case 0x0F -> switch (offset) {
                case 0 -> "System firmware error";
                case 1 -> "System firmware hang";
                default -> PROGRESS.getOrDefault(data2, String.format("Progress code 0x%02X", data2));
            };
            case 0x22 -> offset < ACPI_STATES.length ? ACPI_STATES[offset] : "ACPI state " + offset;
            case 0x05 -> offset == 0 ? "General chassis intrusion" : "Intrusion, offset " + offset;
            case 0x1D -> "Boot initiated";
            case 0x20 -> "OS shutdown";
            default -> "Event offset " + offset;
        };
    }

    private static String severityName(int severity) {
        return switch (severity) {
            case 0x01 -> "Monitor";
            case 0x02 -> "Information";
            case 0x04 -> "OK";
            case 0x08 -> "Non-critical";
            case 0x10 -> "Critical";
            case 0x20 -> "Non-recoverable";
            default -> "Unspecified";
        };
    }
}
