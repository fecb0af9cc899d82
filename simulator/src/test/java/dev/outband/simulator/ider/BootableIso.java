package dev.outband.simulator.ider;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A small bootable ISO 9660 image laid out from ECMA-119 (volume descriptors from sector 16, path tables, root
 * directory) and the El Torito specification (boot record at sector 17, boot catalog, a no-emulation boot image),
 * written here independently of the code under test, so the bytes the firmware reads are checked against the
 * standards' offsets.
 */
public final class BootableIso {
    static final int BLOCK = 2048;
    static final int PVD = 16;
    static final int BOOT_RECORD = 17;
    static final int TERMINATOR = 18;
    static final int L_PATH_TABLE = 19;
    static final int M_PATH_TABLE = 20;
    static final int ROOT = 21;
    static final int CATALOG = 22;
    static final int BOOT_IMAGE = 23;
    static final int BLOCKS = 32;
    static final String VOLUME = "OUTBAND_IDER_TEST";

    private BootableIso() {}

    public static byte[] build() {
        byte[] iso = new byte[BLOCKS * BLOCK];
        ByteBuffer b = ByteBuffer.wrap(iso);
        primaryVolumeDescriptor(block(b, PVD));
        bootRecord(block(b, BOOT_RECORD));
        descriptorHeader(block(b, TERMINATOR), 255);
        pathTable(block(b, L_PATH_TABLE).order(ByteOrder.LITTLE_ENDIAN));
        pathTable(block(b, M_PATH_TABLE).order(ByteOrder.BIG_ENDIAN));
        ByteBuffer root = block(b, ROOT);
        directoryRecord(root, 0);
        directoryRecord(root, 1);
        bootCatalog(block(b, CATALOG));
        bootImage(block(b, BOOT_IMAGE));
        // Filler after the boot image, so reads past it would be noticed.
        byte[] rest = new byte[(BLOCKS - BOOT_IMAGE - 1) * BLOCK];
        new Random(17).nextBytes(rest);
        System.arraycopy(rest, 0, iso, (BOOT_IMAGE + 1) * BLOCK, rest.length);
        return iso;
    }

    private static ByteBuffer block(ByteBuffer iso, int lba) {
        return iso.slice(lba * BLOCK, BLOCK);
    }

    private static void descriptorHeader(ByteBuffer d, int type) {
        d.put(0, (byte) type).put(1, "CD001".getBytes(StandardCharsets.US_ASCII)).put(6, (byte) 1);
    }

    /** ECMA-119 8.4: type 1 at BP 1, identifiers, sizes recorded both little- and big-endian. */
    private static void primaryVolumeDescriptor(ByteBuffer d) {
        descriptorHeader(d, 1);
        d.put(8, padded("LINUX", 32)).put(40, padded(VOLUME, 32));
        bothEndian32(d, 80, BLOCKS);
        bothEndian16(d, 120, 1);
        bothEndian16(d, 124, 1);
        bothEndian16(d, 128, BLOCK);
        bothEndian32(d, 132, 10);
        d.order(ByteOrder.LITTLE_ENDIAN).putInt(140, L_PATH_TABLE);
        d.order(ByteOrder.BIG_ENDIAN).putInt(148, M_PATH_TABLE);
        ByteBuffer root = d.slice(156, 34);
        directoryRecord(root, 0);
        d.put(190, padded("", 128 * 4 + 37 * 3));
        d.put(881, (byte) 1);
    }

    /** El Torito 2.0: the boot record volume descriptor points at the boot catalog (little-endian, BP 72). */
    private static void bootRecord(ByteBuffer d) {
        descriptorHeader(d, 0);
        d.put(7, "EL TORITO SPECIFICATION".getBytes(StandardCharsets.US_ASCII));
        d.order(ByteOrder.LITTLE_ENDIAN).putInt(71, CATALOG);
    }

    private static void pathTable(ByteBuffer t) {
        t.put(0, (byte) 1).putInt(2, ROOT).putShort(6, (short) 1);
    }

    /** ECMA-119 9.1: a directory record of the root ("." when id is 0, ".." when 1). */
    private static void directoryRecord(ByteBuffer d, int id) {
        int at = d.position();
        d.put(at, (byte) 34);
        bothEndian32(d, at + 2, ROOT);
        bothEndian32(d, at + 10, BLOCK);
        d.put(at + 18, new byte[] {126, 11, 23, 8, 0, 0, 0});
        d.put(at + 25, (byte) 0x02);
        bothEndian16(d, at + 28, 1);
        d.put(at + 32, (byte) 1).put(at + 33, (byte) id);
        d.position(at + 34);
    }

    /** El Torito 2.1–2.2: validation entry (checksum makes the 16 words sum to 0, key 55 AA), initial entry. */
    private static void bootCatalog(ByteBuffer c) {
        c.order(ByteOrder.LITTLE_ENDIAN);
        c.put(0, (byte) 1).put(4, "OUTBAND TEST".getBytes(StandardCharsets.US_ASCII));
        c.put(30, (byte) 0x55).put(31, (byte) 0xAA);
        int sum = 0;
        for (int i = 0; i < 32; i += 2) {
            sum += c.getShort(i) & 0xFFFF;
        }
        c.putShort(28, (short) -sum);
        c.put(32, (byte) 0x88).put(33, (byte) 0).putShort(34, (short) 0).put(36, (byte) 0);
        c.putShort(38, (short) 4).putInt(40, BOOT_IMAGE);
    }

    /** A boot sector: a short jump, a name, the 55 AA signature at 510, and noise elsewhere. */
    private static void bootImage(ByteBuffer s) {
        byte[] noise = new byte[BLOCK];
        new Random(23).nextBytes(noise);
        s.put(0, noise);
        s.put(0, new byte[] {(byte) 0xEB, 0x3C, (byte) 0x90}).put(3, "OUTBAND!".getBytes(StandardCharsets.US_ASCII));
        s.put(510, (byte) 0x55).put(511, (byte) 0xAA);
    }

    private static byte[] padded(String s, int width) {
        byte[] b = new byte[width];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, 0, t.length);
        return b;
    }

    private static void bothEndian32(ByteBuffer d, int at, int v) {
        d.order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
        d.order(ByteOrder.BIG_ENDIAN).putInt(at + 4, v);
    }

    private static void bothEndian16(ByteBuffer d, int at, int v) {
        d.order(ByteOrder.LITTLE_ENDIAN).putShort(at, (short) v);
        d.order(ByteOrder.BIG_ENDIAN).putShort(at + 2, (short) v);
    }
}
