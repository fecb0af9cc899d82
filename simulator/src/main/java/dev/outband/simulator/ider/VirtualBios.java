package dev.outband.simulator.ider;

import dev.outband.kvm.ider.IderMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A firmware booting from IDE-R as a real one would: the CD drive first (ISO 9660 primary volume descriptor at
 * sector 16, El Torito boot record at 17, its boot catalog and the boot image), else the floppy's boot sector. It
 * prints what it read, line by line, for the device's screen. Layouts from ECMA-119 and the El Torito
 * specification.
 */
final class VirtualBios {
    private static final int CD_BLOCK = 2048;
    private static final int PVD_LBA = 16;
    private static final int BOOT_RECORD_LBA = 17;
    private static final String EL_TORITO = "EL TORITO SPECIFICATION";
    private static final int VIRTUAL_SECTOR = 512;
    /** The most boot-image CD sectors read, whatever the catalog says. */
    private static final int MAX_BOOT_IMAGE_BLOCKS = 4;

    private final DriveAccess drives;
    private final Consumer<String> print;
    private final Map<Long, byte[]> sectors = new LinkedHashMap<>();

    VirtualBios(DriveAccess drives, Consumer<String> print) {
        this.drives = drives;
        this.print = print;
    }

    /** Boots once; the sectors read, by block address on the drive that booted. */
    Map<Long, byte[]> boot() throws IOException {
        if (ready(IderMessage.DRIVE_CD)) {
            bootCd();
        } else if (ready(IderMessage.DRIVE_FLOPPY)) {
            bootFloppy();
        } else {
            print.accept("IDE-R: no medium in the CD or floppy drive. Boot failed.");
        }
        return sectors;
    }

    private boolean ready(int drive) throws IOException {
        return drives.command(drive, cdb(0x00)).sense().good();
    }

    private void bootCd() throws IOException {
        String product = ascii(command(IderMessage.DRIVE_CD, cdb(0x12, 0, 0, 0, 36, 0)), 16, 16);
        ByteBuffer capacity = ByteBuffer.wrap(command(IderMessage.DRIVE_CD, cdb(0x25)));
        long blocks = Integer.toUnsignedLong(capacity.getInt(0)) + 1;
        print.accept("IDE-R CD-ROM: " + product + ", " + blocks + " sectors of " + capacity.getInt(4) + " bytes");
        byte[] pvd = read(IderMessage.DRIVE_CD, PVD_LBA, 1);
        print.accept("LBA 16: " + hex(pvd, 0, 16));
        if (pvd[0] != 1 || !"CD001".equals(ascii(pvd, 1, 5))) {
            print.accept("No ISO 9660 primary volume descriptor. Boot failed.");
            return;
        }
        print.accept("Volume: " + ascii(pvd, 40, 32).strip() + "  (" + Integer.toUnsignedLong(le(pvd).getInt(80))
                + " blocks)");
        byte[] record = read(IderMessage.DRIVE_CD, BOOT_RECORD_LBA, 1);
        if (record[0] != 0 || !"CD001".equals(ascii(record, 1, 5)) || !ascii(record, 7, 32).startsWith(EL_TORITO)) {
            print.accept("No El Torito boot record at LBA 17: the CD is not bootable.");
            return;
        }
        long catalogLba = Integer.toUnsignedLong(le(record).getInt(71));
        print.accept("El Torito boot catalog at LBA " + catalogLba);
        byte[] catalog = read(IderMessage.DRIVE_CD, catalogLba, 1);
        if (catalog[0] != 1 || (catalog[30] & 0xFF) != 0x55 || (catalog[31] & 0xFF) != 0xAA
                || (catalog[32] & 0xFF) != 0x88) {
            print.accept("The boot catalog has no bootable initial entry. Boot failed.");
            return;
        }
        int virtualSectors = le(catalog).getShort(38) & 0xFFFF;
        long loadRba = Integer.toUnsignedLong(le(catalog).getInt(40));
        int blocksToRead = Math.clamp((virtualSectors * (long) VIRTUAL_SECTOR + CD_BLOCK - 1) / CD_BLOCK, 1,
                MAX_BOOT_IMAGE_BLOCKS);
        print.accept("Boot image: LBA " + loadRba + ", " + virtualSectors + " sectors of 512, media type "
                + (catalog[33] & 0x0F));
        byte[] image = read(IderMessage.DRIVE_CD, loadRba, blocksToRead);
        print.accept("Boot image: " + hex(image, 0, 16) + " ... " + hex(image, 510, 2));
    }

    private void bootFloppy() throws IOException {
        ByteBuffer capacity = ByteBuffer.wrap(command(IderMessage.DRIVE_FLOPPY, cdb(0x25)));
        long blocks = Integer.toUnsignedLong(capacity.getInt(0)) + 1;
        print.accept("IDE-R floppy: " + blocks + " sectors of " + capacity.getInt(4) + " bytes");
        byte[] boot = read(IderMessage.DRIVE_FLOPPY, 0, 1);
        print.accept("LBA 0: " + hex(boot, 0, 16));
        print.accept("OEM name: " + ascii(boot, 3, 8).strip() + "  signature " + hex(boot, 510, 2));
    }

    /** READ(10) of {@code count} blocks; each block is recorded as it arrived. */
    private byte[] read(int drive, long lba, int count) throws IOException {
        byte[] data = command(drive, cdb(0x28, 0, (int) (lba >> 24), (int) (lba >> 16), (int) (lba >> 8), (int) lba, 0,
                count >> 8, count));
        int block = data.length / count;
        for (int i = 0; i < count; i++) {
            sectors.put(lba + i, java.util.Arrays.copyOfRange(data, i * block, (i + 1) * block));
        }
        return data;
    }

    private byte[] command(int drive, byte[] cdb) throws IOException {
        DriveAccess.Result r = drives.command(drive, cdb);
        if (!r.sense().good()) {
            throw new IOException(String.format("IDE-R command 0x%02X failed: sense %02X/%02X/%02X", cdb[0] & 0xFF,
                    r.sense().key(), r.sense().asc(), r.sense().ascq()));
        }
        return r.data();
    }

    private static byte[] cdb(int... bytes) {
        byte[] b = new byte[12];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return b;
    }

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String ascii(byte[] b, int at, int n) {
        return new String(b, at, Math.min(n, Math.max(0, b.length - at)), StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] b, int at, int n) {
        List<String> parts = new ArrayList<>();
        for (int i = at; i < at + n && i < b.length; i++) {
            parts.add(HexFormat.of().withUpperCase().toHexDigits(b[i]));
        }
        return String.join(" ", parts);
    }
}
