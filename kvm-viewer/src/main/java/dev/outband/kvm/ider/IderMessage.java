package dev.outband.kvm.ider;

/**
 * IDE-R messages after the redirection handshake (MeshCommander amt-ider-ws, amtterm redir.h). Every message has
 * an 8-byte header: id, two zero bytes, attributes, a little-endian 32-bit sequence number per direction.
 * Lengths include the header.
 */
public sealed interface IderMessage {
    int OPEN_SESSION = 0x40;
    int OPEN_SESSION_REPLY = 0x41;
    int CLOSE_SESSION = 0x42;
    int CLOSE_SESSION_REPLY = 0x43;
    int PING = 0x44;
    int PONG = 0x45;
    int RESET_OCCURRED = 0x46;
    int RESET_ACK = 0x47;
    int FEATURES = 0x48;
    int FEATURES_REPLY = 0x49;
    int ERROR_OCCURRED = 0x4A;
    int HEARTBEAT = 0x4B;
    int COMMAND_WRITTEN = 0x50;
    int COMMAND_END = 0x51;
    int GET_DATA_FROM_HOST = 0x52;
    int DATA_FROM_HOST = 0x53;
    int DATA_TO_HOST = 0x54;

    /** Features sub-command 3 (register toggle): the value enables IDE-R (1) plus when the host sees it. */
    int FEATURES_SET = 3;
    int ENABLE = 0x01;
    /** The host sees the drives at its next reboot (MeshCommander's default). */
    int START_ON_REBOOT = 0x08;
    int START_GRACEFUL = 0x10;
    int START_NOW = 0x18;

    /** The ATA drive select of the CD drive (device 1) and the floppy (device 0). */
    int DRIVE_CD = 0xB0;
    int DRIVE_FLOPPY = 0xA0;

    int id();

    /** 0x40, 18 bytes: the console asks for a session with these timeouts (ms) and protocol version. */
    record OpenSession(int rxTimeout, int txTimeout, int heartbeat, long version) implements IderMessage {
        public int id() {
            return OPEN_SESSION;
        }
    }

    /** 0x41, 30 + OEM bytes: the device's versions and buffer sizes; {@code protocol} must be 0. */
    record OpenSessionReply(int major, int minor, int firmwareMajor, int firmwareMinor, int readBuffer,
            int writeBuffer, int protocol, long iana, byte[] oem) implements IderMessage {
        public int id() {
            return OPEN_SESSION_REPLY;
        }
    }

    /** 0x42 (either side ends the session) and 0x43 (its reply), 8 bytes. */
    record Close(boolean reply) implements IderMessage {
        public int id() {
            return reply ? CLOSE_SESSION_REPLY : CLOSE_SESSION;
        }
    }

    /** 0x44 ping / 0x45 pong, 8 bytes. */
    record KeepAlive(boolean pong) implements IderMessage {
        public int id() {
            return pong ? PONG : PING;
        }
    }

    /** 0x4B, 8 bytes. */
    record Heartbeat() implements IderMessage {
        public int id() {
            return HEARTBEAT;
        }
    }

    /** 0x46, 9 bytes: the host was reset; the console drops pending work and acknowledges. */
    record ResetOccurred(int mask) implements IderMessage {
        public int id() {
            return RESET_OCCURRED;
        }
    }

    /** 0x47, 8 bytes. */
    record ResetAck() implements IderMessage {
        public int id() {
            return RESET_ACK;
        }
    }

    /** 0x48 (console) / 0x49 (device reply), 13 bytes: sub-command 1 supported, 2 state, 3 set; a 32-bit value. */
    record Features(boolean reply, int sub, long value) implements IderMessage {
        public int id() {
            return reply ? FEATURES_REPLY : FEATURES;
        }
    }

    /** 0x4A, 11 bytes: the device reports an error. */
    record ErrorOccurred(int reason) implements IderMessage {
        public int id() {
            return ERROR_OCCURRED;
        }
    }

    /**
     * 0x50, 28 bytes: the host wrote an ATAPI PACKET command.
     *
     * @param feature        ATA feature register (bit 0: DMA)
     * @param byteCountLimit ATAPI byte count limit
     * @param driveSelect    ATA device register: bit 0x10 selects the CD drive
     * @param cdb            the 12-byte command block
     */
    record CommandWritten(int feature, int byteCountLimit, int driveSelect, byte[] cdb) implements IderMessage {
        public int id() {
            return COMMAND_WRITTEN;
        }

        public int drive() {
            return (driveSelect & 0x10) != 0 ? DRIVE_CD : DRIVE_FLOPPY;
        }

        public boolean dma() {
            return (feature & 1) != 0;
        }
    }

    /** 0x51, 31 bytes: the command ended, GOOD or CHECK CONDITION with sense. */
    record CommandEnd(int drive, Sense sense) implements IderMessage {
        public int id() {
            return COMMAND_END;
        }
    }

    /**
     * 0x54, 34 bytes + data: data the host reads; the last chunk also ends the command (GOOD).
     */
    record DataToHost(int drive, boolean dma, boolean last, byte[] data) implements IderMessage {
        public int id() {
            return DATA_TO_HOST;
        }
    }

    /** 0x53, 14 bytes + data: data the host writes (after a 0x52 request, which a read-only console never sends). */
    record DataFromHost(byte[] data) implements IderMessage {
        public int id() {
            return DATA_FROM_HOST;
        }
    }
}
