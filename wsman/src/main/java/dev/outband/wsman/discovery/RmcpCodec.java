package dev.outband.wsman.discovery;

/**
 * ASF Presence Ping and Pong over RMCP (DMTF DSP0136), as AMT answers them on UDP 623. Both directions:
 * the scanner writes pings and reads pongs, the simulator reads pings and writes pongs.
 */
public final class RmcpCodec {
    public static final int PING_LENGTH = 12;
    /** The pong's length: a 12-byte header and 16 bytes of data. */
    public static final int PONG_LENGTH = 28;
    private static final int RMCP_VERSION = 0x06;
    private static final int CLASS_ASF = 0x06;
    private static final int ASF_IANA = 4542;
    private static final int TYPE_PING = 0x80;
    private static final int TYPE_PONG = 0x40;
    /** RMCP sequence 0xFF: "no RMCP ACK", what real pongs carry; pings send 0 as MeshCommander does. */
    private static final int SEQUENCE_NO_ACK = 0xFF;
    private static final int PONG_DATA_LENGTH = 0x10;

    private RmcpCodec() {
    }

    public static byte[] encode(PresencePing ping) {
        return header(TYPE_PING, 0x00, ping.tag(), 0, PING_LENGTH);
    }

    /** Reads a ping; the simulator answers only these. */
    public static PresencePing decodePing(byte[] packet, int length) throws MalformedPacketException {
        checkHeader(packet, length, PING_LENGTH, TYPE_PING, 0);
        return new PresencePing(packet[9] & 0xFF);
    }

    public static byte[] encode(PresencePong pong) {
        byte[] b = header(TYPE_PONG, SEQUENCE_NO_ACK, pong.tag(), PONG_DATA_LENGTH, PONG_LENGTH);
        putInt(b, 12, pong.oemIana());
        b[16] = (byte) (pong.port() >> 8);
        b[17] = (byte) pong.port();
        b[18] = (byte) ((pong.versionMajor() & 0xF) << 4 | pong.versionMinor() & 0xF);
        int state = pong.provisioning() == null ? 3 : pong.provisioning().bits();
        b[19] = (byte) (state | (pong.bothPorts() ? 0x04 : 0));
        b[20] = (byte) pong.entities();
        b[21] = (byte) pong.interactions();
        return b;
    }

    /**
     * Reads a pong. Requires the whole 28 bytes (MeshCommander takes 20), RMCP version 6, class ASF, the ASF
     * IANA and message type 0x40; the fields of an Intel pong are read whatever the OEM says.
     */
    public static PresencePong decodePong(byte[] packet, int length) throws MalformedPacketException {
        checkHeader(packet, length, PONG_LENGTH, TYPE_PONG, PONG_DATA_LENGTH);
        int state = packet[19] & 0xFF;
        return new PresencePong(packet[9] & 0xFF, getInt(packet, 12), (packet[16] & 0xFF) << 8 | packet[17] & 0xFF,
                (packet[18] & 0xF0) >> 4, packet[18] & 0x0F, ProvisioningState.fromBits(state),
                (state & 0x04) != 0, packet[20] & 0xFF, packet[21] & 0xFF);
    }

    private static void checkHeader(byte[] packet, int length, int expectedLength, int type, int dataLength)
            throws MalformedPacketException {
        if (packet == null || length < 0 || length > packet.length) {
            throw new MalformedPacketException("no packet");
        }
        if (length < expectedLength) {
            throw new MalformedPacketException(length + " bytes, a " + name(type) + " has " + expectedLength);
        }
        if ((packet[0] & 0xFF) != RMCP_VERSION) {
            throw new MalformedPacketException(String.format("RMCP version 0x%02X, not 0x06", packet[0] & 0xFF));
        }
        if ((packet[3] & 0xFF) != CLASS_ASF) {
            throw new MalformedPacketException(String.format("message class 0x%02X, not ASF (0x06)", packet[3] & 0xFF));
        }
        if (getInt(packet, 4) != ASF_IANA) {
            throw new MalformedPacketException("IANA " + getInt(packet, 4) + ", not ASF's 4542");
        }
        if ((packet[8] & 0xFF) != type) {
            throw new MalformedPacketException(String.format("ASF message type 0x%02X, not a %s (0x%02X)",
                    packet[8] & 0xFF, name(type), type));
        }
        if ((packet[11] & 0xFF) != dataLength) {
            throw new MalformedPacketException("data length " + (packet[11] & 0xFF) + ", a " + name(type)
                    + " carries " + dataLength);
        }
    }

    private static String name(int type) {
        return type == TYPE_PING ? "presence ping" : "presence pong";
    }

    private static byte[] header(int type, int sequence, int tag, int dataLength, int size) {
        byte[] b = new byte[size];
        b[0] = RMCP_VERSION;
        b[2] = (byte) sequence;
        b[3] = CLASS_ASF;
        putInt(b, 4, ASF_IANA);
        b[8] = (byte) type;
        b[9] = (byte) tag;
        b[11] = (byte) dataLength;
        return b;
    }

    private static void putInt(byte[] b, int at, long value) {
        b[at] = (byte) (value >> 24);
        b[at + 1] = (byte) (value >> 16);
        b[at + 2] = (byte) (value >> 8);
        b[at + 3] = (byte) value;
    }

    /** Big-endian unsigned 32 bits, held in a long. */
    private static long getInt(byte[] b, int at) {
        return (b[at] & 0xFFL) << 24 | (b[at + 1] & 0xFFL) << 16 | (b[at + 2] & 0xFFL) << 8 | b[at + 3] & 0xFFL;
    }
}
