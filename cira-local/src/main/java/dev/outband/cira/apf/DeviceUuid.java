package dev.outband.cira.apf;

import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A device's SMBIOS UUID. On the wire the first three groups are little-endian, so the text form
 * is bytes 3,2,1,0-5,4-7,6-8,9-10..15 in lower-case hex.
 */
public record DeviceUuid(UUID value) {
    private static final int[] TEXT_ORDER = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};

    public DeviceUuid {
        Objects.requireNonNull(value);
    }

    public static DeviceUuid parse(String text) {
        return new DeviceUuid(UUID.fromString(text));
    }

    public static DeviceUuid fromWire(byte[] wire) {
        if (wire.length != 16) {
            throw new IllegalArgumentException("a UUID has 16 bytes");
        }
        byte[] ordered = new byte[16];
        for (int i = 0; i < 16; i++) {
            ordered[i] = wire[TEXT_ORDER[i]];
        }
        String hex = HexFormat.of().formatHex(ordered);
        return parse(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    public byte[] toWire() {
        byte[] ordered = HexFormat.of().parseHex(value.toString().replace("-", ""));
        byte[] wire = new byte[16];
        for (int i = 0; i < 16; i++) {
            wire[TEXT_ORDER[i]] = ordered[i];
        }
        return wire;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
