package dev.outband.kvm.ider;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Answers the ATAPI (SCSI MMC/SBC) commands a BIOS sends to the IDE-R drives, from the mounted images: the CD
 * drive serves an ISO, the floppy drive a raw image; a drive without an image reports "medium not present".
 * Read-only: writes end with "write protected". Sense is real (CHECK CONDITION), kept for REQUEST SENSE.
 * Opcodes and layouts from SPC-3, SBC-2 and MMC-5; the command set a CD boot needs from MeshCommander.
 */
public final class AtapiResponder {
    private static final int TEST_UNIT_READY = 0x00;
    private static final int REQUEST_SENSE = 0x03;
    private static final int READ_6 = 0x08;
    private static final int WRITE_6 = 0x0A;
    private static final int INQUIRY = 0x12;
    private static final int MODE_SENSE_6 = 0x1A;
    private static final int START_STOP = 0x1B;
    private static final int PREVENT_ALLOW = 0x1E;
    private static final int READ_FORMAT_CAPACITIES = 0x23;
    private static final int READ_CAPACITY = 0x25;
    private static final int READ_10 = 0x28;
    private static final int WRITE_10 = 0x2A;
    private static final int WRITE_VERIFY = 0x2E;
    private static final int READ_TOC = 0x43;
    private static final int GET_CONFIGURATION = 0x46;
    private static final int GET_EVENT_STATUS = 0x4A;
    private static final int MODE_SENSE_10 = 0x5A;
    private static final int READ_12 = 0xA8;
    private static final int WRITE_12 = 0xAA;

    /** MMC profile 0008h: CD-ROM. */
    private static final int PROFILE_CD_ROM = 0x0008;
    /** Mode parameter header's device-specific byte: write protected. */
    private static final int WRITE_PROTECT = 0x80;

    private final BootMedia cd;
    private final BootMedia floppy;
    private Sense lastCd = Sense.GOOD;
    private Sense lastFloppy = Sense.GOOD;

    /** Either image may be null: that drive then has no medium. */
    public AtapiResponder(BootMedia cd, BootMedia floppy) {
        this.cd = cd;
        this.floppy = floppy;
    }

    public ScsiReply answer(int drive, byte[] cdb) {
        ScsiReply reply = dispatch(drive, cdb);
        Sense sense = reply instanceof ScsiReply.Status s ? s.sense() : Sense.GOOD;
        if ((cdb[0] & 0xFF) != REQUEST_SENSE) {
            if (drive == IderMessage.DRIVE_CD) {
                lastCd = sense;
            } else {
                lastFloppy = sense;
            }
        }
        return reply;
    }

    private ScsiReply dispatch(int drive, byte[] cdb) {
        BootMedia media = drive == IderMessage.DRIVE_CD ? cd : floppy;
        int opcode = cdb[0] & 0xFF;
        return switch (opcode) {
            case INQUIRY -> new ScsiReply.Data(cut(inquiry(drive), u16(cdb, 3)));
            case REQUEST_SENSE -> new ScsiReply.Data(cut(requestSense(drive), cdb[4] & 0xFF));
            case WRITE_6, WRITE_10, WRITE_12, WRITE_VERIFY ->
                    status(media == null ? Sense.NO_MEDIUM : Sense.WRITE_PROTECTED);
            default -> media == null ? status(Sense.NO_MEDIUM) : withMedium(media, opcode, cdb);
        };
    }

    private ScsiReply withMedium(BootMedia media, int opcode, byte[] cdb) {
        boolean isCd = media.kind() == BootMedia.Kind.CD;
        return switch (opcode) {
            case TEST_UNIT_READY, START_STOP, PREVENT_ALLOW -> status(Sense.GOOD);
            case READ_CAPACITY -> new ScsiReply.Data(ByteBuffer.allocate(8).putInt((int) (media.blocks() - 1))
                    .putInt(media.kind().blockSize()).array());
            case READ_6 -> {
                int count = cdb[4] & 0xFF;
                yield read(media, ((cdb[1] & 0x1F) << 16) | u16(cdb, 2), count == 0 ? 256 : count);
            }
            case READ_10 -> read(media, u32(cdb, 2), u16(cdb, 7));
            case READ_12 -> read(media, u32(cdb, 2), u32(cdb, 6));
            case MODE_SENSE_6 -> modeSense(media, cdb[2] & 0x3F, cdb[4] & 0xFF, false);
            case MODE_SENSE_10 -> modeSense(media, cdb[2] & 0x3F, u16(cdb, 7), true);
            case READ_FORMAT_CAPACITIES -> isCd ? status(Sense.INVALID_COMMAND)
                    : new ScsiReply.Data(cut(formatCapacities(media), u16(cdb, 7)));
            case READ_TOC -> isCd ? readToc(media, cdb) : status(Sense.INVALID_COMMAND);
            case GET_CONFIGURATION -> isCd ? new ScsiReply.Data(cut(configuration(cdb[1] & 0x03, u16(cdb, 2)),
                    u16(cdb, 7))) : status(Sense.INVALID_COMMAND);
            case GET_EVENT_STATUS -> (cdb[1] & 0x01) == 0 ? status(Sense.INVALID_FIELD_IN_CDB)
                    : new ScsiReply.Data(cut(mediaEvent(), u16(cdb, 7)));
            default -> status(Sense.INVALID_COMMAND);
        };
    }

    private static ScsiReply read(BootMedia media, long lba, long count) {
        if (lba < 0 || count < 0 || lba + count > media.blocks()) {
            return status(Sense.LBA_OUT_OF_RANGE);
        }
        if (count == 0) {
            return status(Sense.GOOD);
        }
        int block = media.kind().blockSize();
        return new ScsiReply.Read(media, lba * block, count * block);
    }

    private static ScsiReply status(Sense sense) {
        return new ScsiReply.Status(sense);
    }

    /** Standard INQUIRY data (SPC-3 6.4.2): removable, CD/DVD (05h) or direct-access (00h) device. */
    private static byte[] inquiry(int drive) {
        boolean isCd = drive == IderMessage.DRIVE_CD;
        ByteBuffer b = ByteBuffer.allocate(36);
        b.put((byte) (isCd ? 0x05 : 0x00)).put((byte) 0x80).put((byte) 0x00).put((byte) 0x21).put((byte) 31);
        b.position(8);
        b.put(ascii("Outband", 8)).put(ascii(isCd ? "IDE-R CD-ROM" : "IDE-R Floppy", 16)).put(ascii("1.0", 4));
        return b.array();
    }

    /** Fixed-format sense data (SPC-3 4.5.3), then the sense is spent. */
    private byte[] requestSense(int drive) {
        Sense s = drive == IderMessage.DRIVE_CD ? lastCd : lastFloppy;
        byte[] b = new byte[18];
        b[0] = 0x70;
        b[2] = (byte) s.key();
        b[7] = 10;
        b[12] = (byte) s.asc();
        b[13] = (byte) s.ascq();
        return b;
    }

    /** Mode parameter header without block descriptors, then the pages asked for (3Fh: all). */
    private static ScsiReply modeSense(BootMedia media, int page, int allocation, boolean ten) {
        boolean isCd = media.kind() == BootMedia.Kind.CD;
        ByteArrayOutputStream pages = new ByteArrayOutputStream();
        int[] offered = isCd ? new int[] {0x01, 0x1A, 0x1D, 0x2A} : new int[] {0x01, 0x05};
        for (int p : offered) {
            if (page == 0x3F || page == p) {
                pages.writeBytes(modePage(p, media));
            }
        }
        if (page != 0x3F && pages.size() == 0) {
            return status(Sense.INVALID_FIELD_IN_CDB);
        }
        // Medium type: 01h a data CD (MMC), 1Eh/31h… SBC's flexible disk types; 0 is "default", accepted by all.
        int medium = isCd ? 0x01 : 0x00;
        byte[] body = pages.toByteArray();
        ByteBuffer b;
        if (ten) {
            b = ByteBuffer.allocate(8 + body.length);
            b.putShort((short) (6 + body.length)).put((byte) medium).put((byte) WRITE_PROTECT).putInt(0);
        } else {
            b = ByteBuffer.allocate(4 + body.length);
            b.put((byte) (3 + body.length)).put((byte) medium).put((byte) WRITE_PROTECT).put((byte) 0);
        }
        b.put(body);
        return new ScsiReply.Data(cut(b.array(), allocation));
    }

    private static byte[] modePage(int page, BootMedia media) {
        return switch (page) {
            // Read-write error recovery: default retry behaviour.
            case 0x01 -> media.kind() == BootMedia.Kind.CD ? new byte[] {0x01, 0x06, 0, 0, 0, 0, 0, 0}
                    : new byte[] {0x01, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            // Flexible disk page (SBC): 500 kbit/s, 2 heads, 18 sectors of 512 bytes, cylinders, 300 rpm.
            case 0x05 -> {
                ByteBuffer b = ByteBuffer.allocate(32);
                long cylinders = Math.max(1, media.blocks() / (2 * 18));
                b.put((byte) 0x05).put((byte) 0x1E).putShort((short) 500).put((byte) 2).put((byte) 18)
                        .putShort((short) 512).putShort((short) Math.min(cylinders, 0xFFFF));
                b.position(28);
                b.putShort((short) 300);
                yield b.array();
            }
            // Power condition and timeout-and-protect pages: no timers.
            case 0x1A -> new byte[] {0x1A, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            case 0x1D -> new byte[] {0x1D, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
            // CD capabilities and mechanical status (MMC): reads CD-R/RW, tray loading with eject and lock.
            default -> {
                byte[] b = new byte[26];
                b[0] = 0x2A;
                b[1] = 0x18;
                b[2] = 0x03;
                b[6] = 0x29;
                yield b;
            }
        };
    }

    /** READ FORMAT CAPACITIES (SFF-8070i): one descriptor, formatted media of the image's size. */
    private static byte[] formatCapacities(BootMedia media) {
        ByteBuffer b = ByteBuffer.allocate(12);
        b.putInt(8).putInt((int) media.blocks()).put((byte) 0x02).put((byte) 0).putShort((short) media.kind().blockSize());
        return b.array();
    }

    /** READ TOC: format 0 (one data track and the lead-out) or 1 (session info), LBA or MSF addresses. */
    private static ScsiReply readToc(BootMedia media, byte[] cdb) {
        boolean msf = (cdb[1] & 0x02) != 0;
        int format = cdb[2] & 0x0F;
        if (format == 0) {
            // Older drivers put the format in the top bits of the control byte (SFF-8020i).
            format = (cdb[9] & 0xFF) >> 6;
        }
        ByteBuffer b;
        if (format == 0) {
            b = ByteBuffer.allocate(20);
            b.putShort((short) 18).put((byte) 1).put((byte) 1);
            b.put((byte) 0).put((byte) 0x14).put((byte) 1).put((byte) 0).putInt(address(0, msf));
            b.put((byte) 0).put((byte) 0x14).put((byte) 0xAA).put((byte) 0).putInt(address(media.blocks(), msf));
        } else if (format == 1) {
            b = ByteBuffer.allocate(12);
            b.putShort((short) 10).put((byte) 1).put((byte) 1);
            b.put((byte) 0).put((byte) 0x14).put((byte) 1).put((byte) 0).putInt(address(0, msf));
        } else {
            return status(Sense.INVALID_FIELD_IN_CDB);
        }
        return new ScsiReply.Data(cut(b.array(), u16(cdb, 7)));
    }

    /** An LBA, or its MSF form (75 frames a second, 2 s of pre-gap) as 0, M, S, F. */
    private static int address(long lba, boolean msf) {
        if (!msf) {
            return (int) lba;
        }
        long frames = lba + 150;
        return (int) ((frames / (60 * 75)) << 16 | (frames / 75 % 60) << 8 | frames % 75);
    }

    /**
     * GET CONFIGURATION (MMC-5 5.2): profile CD-ROM, and the features a read-only CD drive has: profile list, core
     * (ATAPI), morphing, removable medium, random readable, CD read, power management, timeout.
     */
    private static byte[] configuration(int requestType, int start) {
        ByteArrayOutputStream features = new ByteArrayOutputStream();
        feature(features, requestType, start, 0x0000, 0x03, new byte[] {0x00, 0x08, 0x01, 0x00});
        feature(features, requestType, start, 0x0001, 0x03, new byte[] {0, 0, 0, 2});
        feature(features, requestType, start, 0x0002, 0x03, new byte[] {0, 0, 0, 0});
        feature(features, requestType, start, 0x0003, 0x03, new byte[] {0x29, 0, 0, 0});
        feature(features, requestType, start, 0x0010, 0x01, new byte[] {0, 0, 0x08, 0, 0, 1, 0, 0});
        feature(features, requestType, start, 0x001E, 0x03, new byte[] {0, 0, 0, 0});
        feature(features, requestType, start, 0x0100, 0x03, new byte[0]);
        feature(features, requestType, start, 0x0105, 0x03, new byte[0]);
        byte[] body = features.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.putInt(4 + body.length).putShort((short) 0).putShort((short) PROFILE_CD_ROM).put(body);
        return b.array();
    }

    /** RT 0 and 1: every (current) feature from {@code start} on; RT 2: that one feature. */
    private static void feature(ByteArrayOutputStream out, int requestType, int start, int code, int flags,
            byte[] data) {
        boolean wanted = requestType == 2 ? code == start : code >= start;
        if (wanted) {
            out.write(code >> 8);
            out.write(code);
            out.write(flags);
            out.write(data.length);
            out.writeBytes(data);
        }
    }

    /** GET EVENT STATUS NOTIFICATION, media class: no change, medium present. */
    private static byte[] mediaEvent() {
        return new byte[] {0x00, 0x06, 0x04, 0x10, 0x00, 0x02, 0x00, 0x00};
    }

    private static byte[] cut(byte[] b, int allocation) {
        return allocation >= b.length ? b : Arrays.copyOf(b, allocation);
    }

    private static byte[] ascii(String s, int width) {
        byte[] b = new byte[width];
        Arrays.fill(b, (byte) ' ');
        byte[] text = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, b, 0, Math.min(width, text.length));
        return b;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return Integer.toUnsignedLong((b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8
                | (b[at + 3] & 0xFF));
    }
}
