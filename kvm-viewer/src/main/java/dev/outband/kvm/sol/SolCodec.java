package dev.outband.kvm.sol;

import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.sol.SolMessage.ConsoleReady;
import dev.outband.kvm.sol.SolMessage.DataFromHost;
import dev.outband.kvm.sol.SolMessage.DataToHost;
import dev.outband.kvm.sol.SolMessage.End;
import dev.outband.kvm.sol.SolMessage.EndReply;
import dev.outband.kvm.sol.SolMessage.Heartbeat;
import dev.outband.kvm.sol.SolMessage.LineStatus;
import dev.outband.kvm.sol.SolMessage.Ping;
import dev.outband.kvm.sol.SolMessage.Pong;
import dev.outband.kvm.sol.SolMessage.Start;
import dev.outband.kvm.sol.SolMessage.StartReply;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Reads and writes SOL messages (little-endian) for the console and the simulator. Lengths are 16-bit on the
 * wire, so no message can ask for more than 65,535 bytes of data.
 */
public final class SolCodec {
    private static final Set<Integer> FROM_DEVICE = Set.of(SolMessage.START_REPLY, SolMessage.END_REPLY,
            SolMessage.PING, SolMessage.PONG, SolMessage.LINE_STATUS, SolMessage.DATA_FROM_HOST, SolMessage.HEARTBEAT);
    private static final Set<Integer> FROM_CONSOLE = Set.of(SolMessage.START, SolMessage.END, SolMessage.PING,
            SolMessage.PONG, SolMessage.CONSOLE_READY, SolMessage.DATA_TO_HOST, SolMessage.HEARTBEAT);
    private static final int START_REPLY_BODY = 15;

    private SolCodec() {}

    public static byte[] encode(SolMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) id(m), 0, 0, 0});
        putU32(out, m.seq());
        switch (m) {
            case Start s -> {
                for (int v : new int[] {s.maxTxBuffer(), s.txBufferTimeout(), s.txOverflowTimeout(), s.hostRxTimeout(),
                        s.hostFifoRxFlushTimeout(), s.heartbeatInterval()}) {
                    putU16(out, v);
                }
                out.writeBytes(new byte[4]);
            }
            case StartReply r -> {
                out.writeBytes(new byte[START_REPLY_BODY]);
                byte[] b = out.toByteArray();
                b[1] = (byte) r.status();
                return b;
            }
            case ConsoleReady c -> out.writeBytes(new byte[] {0, 0, 0x1B, 0, 0, 0});
            case DataToHost d -> putData(out, d.data());
            case DataFromHost d -> putData(out, d.data());
            case LineStatus l -> out.writeBytes(new byte[] {(byte) l.control(), (byte) l.status()});
            case End e -> { }
            case EndReply e -> { }
            case Ping p -> { }
            case Pong p -> { }
            case Heartbeat h -> { }
        }
        return out.toByteArray();
    }

    /** Console side: the next message from the device. */
    public static SolMessage readFromDevice(InputStream in) throws IOException {
        return read(in, FROM_DEVICE, "device");
    }

    /** Device side: the next message from the console. */
    public static SolMessage readFromConsole(InputStream in) throws IOException {
        return read(in, FROM_CONSOLE, "console");
    }

    private static SolMessage read(InputStream input, Set<Integer> allowed, String peer) throws IOException {
        DataInputStream in = new DataInputStream(input);
        int id = in.read();
        if (id < 0) {
            throw new EOFException("the " + peer + " closed the Serial-over-LAN session");
        }
        if (!allowed.contains(id)) {
            throw new RedirectionException(String.format("unexpected Serial-over-LAN message 0x%02X from the %s", id,
                    peer));
        }
        try {
            int status = in.readUnsignedByte();
            in.readFully(new byte[2]);
            long seq = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            return switch (id) {
                case SolMessage.START -> {
                    int[] v = new int[6];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = u16(in);
                    }
                    in.readFully(new byte[4]);
                    yield new Start(seq, v[0], v[1], v[2], v[3], v[4], v[5]);
                }
                case SolMessage.START_REPLY -> {
                    in.readFully(new byte[START_REPLY_BODY]);
                    yield new StartReply(seq, status);
                }
                case SolMessage.CONSOLE_READY -> {
                    in.readFully(new byte[6]);
                    yield new ConsoleReady(seq);
                }
                case SolMessage.DATA_TO_HOST -> new DataToHost(seq, data(in));
                case SolMessage.DATA_FROM_HOST -> new DataFromHost(seq, data(in));
                case SolMessage.LINE_STATUS -> new LineStatus(seq, in.readUnsignedByte(), in.readUnsignedByte());
                case SolMessage.END -> new End(seq);
                case SolMessage.END_REPLY -> new EndReply(seq);
                case SolMessage.PING -> new Ping(seq);
                case SolMessage.PONG -> new Pong(seq);
                default -> new Heartbeat(seq);
            };
        } catch (EOFException e) {
            throw new EOFException(String.format(
                    "the %s closed the Serial-over-LAN session in the middle of message 0x%02X", peer, id));
        }
    }

    private static int id(SolMessage m) {
        return switch (m) {
            case Start s -> SolMessage.START;
            case StartReply r -> SolMessage.START_REPLY;
            case End e -> SolMessage.END;
            case EndReply e -> SolMessage.END_REPLY;
            case Ping p -> SolMessage.PING;
            case Pong p -> SolMessage.PONG;
            case ConsoleReady c -> SolMessage.CONSOLE_READY;
            case DataToHost d -> SolMessage.DATA_TO_HOST;
            case LineStatus l -> SolMessage.LINE_STATUS;
            case DataFromHost d -> SolMessage.DATA_FROM_HOST;
            case Heartbeat h -> SolMessage.HEARTBEAT;
        };
    }

    private static byte[] data(DataInputStream in) throws IOException {
        byte[] b = new byte[u16(in)];
        in.readFully(b);
        return b;
    }

    private static void putData(ByteArrayOutputStream out, byte[] data) {
        if (data.length > 0xFFFF) {
            throw new IllegalArgumentException("a SOL data message holds at most 65535 bytes");
        }
        putU16(out, data.length);
        out.writeBytes(data);
    }

    private static int u16(DataInputStream in) throws IOException {
        return Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
    }

    private static void putU16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    private static void putU32(ByteArrayOutputStream out, long v) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }
}
