package dev.outband.app.ider;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A 1.44 MB floppy image (2880 sectors of 512 bytes) whose boot sector follows the FAT layout of Microsoft's FAT
 * specification: a short jump at 0, the OEM name at 3, the BIOS parameter block from 11, the volume label at 43,
 * the 55 AA signature at 510; noise elsewhere so every byte is checked.
 */
public final class FloppyImage {
    public static final int SECTORS = 2880;
    public static final String OEM = "OUTBAND";

    private FloppyImage() {}

    public static byte[] build() {
        byte[] image = new byte[SECTORS * 512];
        new Random(144).nextBytes(image);
        ByteBuffer boot = ByteBuffer.wrap(image, 0, 512).order(ByteOrder.LITTLE_ENDIAN);
        boot.put(0, new byte[] {(byte) 0xEB, 0x3C, (byte) 0x90});
        boot.put(3, "OUTBAND ".getBytes(StandardCharsets.US_ASCII));
        boot.putShort(11, (short) 512).put(13, (byte) 1).putShort(14, (short) 1).put(16, (byte) 2)
                .putShort(17, (short) 224).putShort(19, (short) SECTORS).put(21, (byte) 0xF0)
                .putShort(22, (short) 9).putShort(24, (short) 18).putShort(26, (short) 2);
        boot.put(38, (byte) 0x29).put(43, "OUTBAND IMG".getBytes(StandardCharsets.US_ASCII));
        boot.put(510, (byte) 0x55).put(511, (byte) 0xAA);
        return image;
    }
}
