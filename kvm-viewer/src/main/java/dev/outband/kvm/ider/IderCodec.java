package dev.outband.kvm.ider;

import dev.outband.kvm.ider.IderMessage.Close;
import dev.outband.kvm.ider.IderMessage.CommandEnd;
import dev.outband.kvm.ider.IderMessage.CommandWritten;
import dev.outband.kvm.ider.IderMessage.DataFromHost;
import dev.outband.kvm.ider.IderMessage.DataToHost;
import dev.outband.kvm.ider.IderMessage.ErrorOccurred;
import dev.outband.kvm.ider.IderMessage.Features;
import dev.outband.kvm.ider.IderMessage.Heartbeat;
import dev.outband.kvm.ider.IderMessage.KeepAlive;
import dev.outband.kvm.ider.IderMessage.OpenSession;
import dev.outband.kvm.ider.IderMessage.OpenSessionReply;
import dev.outband.kvm.ider.IderMessage.ResetAck;
import dev.outband.kvm.ider.IderMessage.ResetOccurred;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads and writes IDE-R messages (little-endian, layouts from MeshCommander's amt-ider-ws and amtterm) for the
 * console and the simulator. Each message's length follows from its id, or from a length field checked against
 * the settings' limits before anything is allocated.
 */
public final class IderCodec {
    private static final int HEADER = 8;
    private static final int CDB_LENGTH = 12;
    /** ATA status values in the registers AMT reads back: DRDY|DSC (+ERR), and DRDY|DSC|DRQ for a data phase. */
    private static final int STATUS_GOOD = 0x50;
    private static final int STATUS_CHECK = 0x51;
    private static final int STATUS_DATA = 0x58;

    private final IderSettings settings;

    public IderCodec(IderSettings settings) {
        this.settings = settings;
    }

    public static byte[] encode(IderFrame frame) {
        IderMessage m = frame.message();
        ByteBuffer b = ByteBuffer.allocate(HEADER + bodyLength(m)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) m.id()).put((byte) 0).put((byte) 0).put((byte) frame.attributes()).putInt((int) frame.sequence());
        switch (m) {
            case OpenSession o -> b.putShort((short) o.rxTimeout()).putShort((short) o.txTimeout())
                    .putShort((short) o.heartbeat()).putInt((int) o.version());
            case OpenSessionReply r -> {
                b.put((byte) r.major()).put((byte) r.minor()).put((byte) r.firmwareMajor()).put((byte) r.firmwareMinor());
                b.position(16);
                b.putShort((short) r.readBuffer()).putShort((short) r.writeBuffer());
                b.position(21);
                b.put((byte) r.protocol());
                b.position(25);
                b.putInt((int) r.iana()).put((byte) r.oem().length).put(r.oem());
            }
            case Close c -> { }
            case KeepAlive k -> { }
            case Heartbeat h -> { }
            case ResetAck a -> { }
            case ResetOccurred r -> b.put((byte) r.mask());
            case Features f -> b.put((byte) f.sub()).putInt((int) f.value());
            case ErrorOccurred e -> b.put((byte) e.reason());
            case CommandWritten c -> {
                b.position(9);
                b.put((byte) c.feature());
                b.position(12);
                b.putShort((short) c.byteCountLimit()).put((byte) c.driveSelect()).put((byte) 0xA0).put(c.cdb());
            }
            case CommandEnd e -> {
                b.position(20);
                putEndRegisters(b, e.drive(), e.sense());
                b.put((byte) e.sense().key()).put((byte) e.sense().asc()).put((byte) e.sense().ascq());
            }
            case DataToHost d -> {
                int n = d.data().length;
                b.position(9);
                b.putShort((short) n).put((byte) 0);
                // Input registers of the data phase: byte count only for PIO, "C/D=0 I/O=1" in the sector count.
                b.put((byte) (d.dma() ? 0xB4 : 0xB5)).put((byte) 0).put((byte) 2).put((byte) 0)
                        .putShort((short) (d.dma() ? 0 : n)).put((byte) d.drive()).put((byte) STATUS_DATA);
                if (d.last()) {
                    b.put((byte) 0x85).put((byte) 0).put((byte) 3).put((byte) 0).put((byte) 0).put((byte) 0)
                            .put((byte) d.drive()).put((byte) STATUS_GOOD);
                }
                b.position(34);
                b.put(d.data());
            }
            case DataFromHost d -> {
                b.position(9);
                b.putShort((short) d.data().length);
                b.position(14);
                b.put(d.data());
            }
        }
        return b.array();
    }

    private static void putEndRegisters(ByteBuffer b, int drive, Sense sense) {
        if (sense.good()) {
            b.put((byte) 0xC5).put((byte) 0).put((byte) 3);
        } else {
            b.put((byte) 0x87).put((byte) (sense.key() << 4)).put((byte) 3);
        }
        b.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) drive)
                .put((byte) (sense.good() ? STATUS_GOOD : STATUS_CHECK));
    }

    private static int bodyLength(IderMessage m) {
        return switch (m) {
            case OpenSession o -> 10;
            case OpenSessionReply r -> 22 + r.oem().length;
            case Close c -> 0;
            case KeepAlive k -> 0;
            case Heartbeat h -> 0;
            case ResetAck a -> 0;
            case ResetOccurred r -> 1;
            case Features f -> 5;
            case ErrorOccurred e -> 3;
            case CommandWritten c -> 20;
            case CommandEnd e -> 23;
            case DataToHost d -> 26 + d.data().length;
            case DataFromHost d -> 6 + d.data().length;
        };
    }

    /** The next message from either side; end of stream before a message starts is an EOFException. */
    public IderFrame read(InputStream in) throws IOException {
        byte[] header = new byte[HEADER];
        int first = in.read();
        if (first < 0) {
            throw new EOFException("the peer closed the IDE-R connection");
        }
        header[0] = (byte) first;
        readFully(in, header, 1, HEADER - 1, first);
        ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        int attributes = header[3] & 0xFF;
        long sequence = Integer.toUnsignedLong(h.getInt(4));
        return new IderFrame(attributes, sequence, body(in, first));
    }

    private IderMessage body(InputStream in, int id) throws IOException {
        return switch (id) {
            case IderMessage.OPEN_SESSION -> {
                ByteBuffer b = fixed(in, id, 10);
                yield new OpenSession(b.getShort() & 0xFFFF, b.getShort() & 0xFFFF, b.getShort() & 0xFFFF,
                        Integer.toUnsignedLong(b.getInt()));
            }
            case IderMessage.OPEN_SESSION_REPLY -> {
                ByteBuffer b = fixed(in, id, 22);
                int oemLength = b.get(21) & 0xFF;
                if (oemLength > settings.maxOemData()) {
                    throw new IderException("the device's IDE-R OpenSession reply carries " + oemLength
                            + " OEM bytes, more than the limit of " + settings.maxOemData());
                }
                byte[] oem = new byte[oemLength];
                readFully(in, oem, 0, oemLength, id);
                yield new OpenSessionReply(b.get(0) & 0xFF, b.get(1) & 0xFF, b.get(2) & 0xFF, b.get(3) & 0xFF,
                        b.getShort(8) & 0xFFFF, b.getShort(10) & 0xFFFF, b.get(13) & 0xFF,
                        Integer.toUnsignedLong(b.getInt(17)), oem);
            }
            case IderMessage.CLOSE_SESSION, IderMessage.CLOSE_SESSION_REPLY ->
                    new Close(id == IderMessage.CLOSE_SESSION_REPLY);
            case IderMessage.PING, IderMessage.PONG -> new KeepAlive(id == IderMessage.PONG);
            case IderMessage.HEARTBEAT -> new Heartbeat();
            case IderMessage.RESET_ACK -> new ResetAck();
            case IderMessage.RESET_OCCURRED -> new ResetOccurred(fixed(in, id, 1).get(0) & 0xFF);
            case IderMessage.FEATURES, IderMessage.FEATURES_REPLY -> {
                ByteBuffer b = fixed(in, id, 5);
                yield new Features(id == IderMessage.FEATURES_REPLY, b.get(0) & 0xFF, Integer.toUnsignedLong(b.getInt(1)));
            }
            case IderMessage.ERROR_OCCURRED -> new ErrorOccurred(fixed(in, id, 3).get(0) & 0xFF);
            case IderMessage.COMMAND_WRITTEN -> {
                ByteBuffer b = fixed(in, id, 20);
                int command = b.get(7) & 0xFF;
                if (command != 0xA0) {
                    throw new IderException(String.format(
                            "the device wrote ATA command 0x%02X; IDE-R carries only PACKET (0xA0) commands", command));
                }
                yield new CommandWritten(b.get(1) & 0xFF, b.getShort(4) & 0xFFFF, b.get(6) & 0xFF,
                        Arrays.copyOfRange(b.array(), 8, 8 + CDB_LENGTH));
            }
            case IderMessage.COMMAND_END -> {
                ByteBuffer b = fixed(in, id, 23);
                int drive = b.get(18) & 0xFF;
                boolean check = (b.get(19) & 0x01) != 0;
                yield new CommandEnd(drive, check ? new Sense(b.get(20) & 0xFF, b.get(21) & 0xFF, b.get(22) & 0xFF)
                        : Sense.GOOD);
            }
            case IderMessage.DATA_TO_HOST -> {
                ByteBuffer b = fixed(in, id, 26);
                int n = dataLength(b.getShort(1) & 0xFFFF, id);
                byte[] data = new byte[n];
                readFully(in, data, 0, n, id);
                yield new DataToHost(b.get(10) & 0xFF, (b.get(4) & 0xFF) == 0xB4, (b.get(12) & 0xFF) != 0, data);
            }
            case IderMessage.DATA_FROM_HOST -> {
                ByteBuffer b = fixed(in, id, 6);
                int n = dataLength(b.getShort(1) & 0xFFFF, id);
                byte[] data = new byte[n];
                readFully(in, data, 0, n, id);
                yield new DataFromHost(data);
            }
            default -> throw new IderException(String.format("unknown IDE-R message 0x%02X", id));
        };
    }

    private int dataLength(int n, int id) throws IderException {
        if (n > settings.maxChunk()) {
            throw new IderException(String.format("IDE-R message 0x%02X carries %d data bytes, more than the limit of %d",
                    id, n, settings.maxChunk()));
        }
        return n;
    }

    private static ByteBuffer fixed(InputStream in, int id, int n) throws IOException {
        byte[] b = new byte[n];
        readFully(in, b, 0, n, id);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void readFully(InputStream in, byte[] b, int off, int n, int id) throws IOException {
        int done = 0;
        while (done < n) {
            int r = in.read(b, off + done, n - done);
            if (r < 0) {
                throw new EOFException(String.format("the peer closed the IDE-R connection in the middle of message 0x%02X", id));
            }
            done += r;
        }
    }
}
