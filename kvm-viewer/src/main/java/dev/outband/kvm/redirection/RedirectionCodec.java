package dev.outband.kvm.redirection;

import dev.outband.kvm.redirection.RedirectionMessage.Authenticate;
import dev.outband.kvm.redirection.RedirectionMessage.AuthenticateReply;
import dev.outband.kvm.redirection.RedirectionMessage.StartKvm;
import dev.outband.kvm.redirection.RedirectionMessage.StartKvmReply;
import dev.outband.kvm.redirection.RedirectionMessage.StartSession;
import dev.outband.kvm.redirection.RedirectionMessage.StartSessionReply;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads and writes redirection messages (little-endian) for the console and the simulator. */
public final class RedirectionCodec {
    /** Authentication data is a handful of short strings; anything larger is a broken peer. */
    public static final int MAX_AUTH_DATA = 4096;

    private RedirectionCodec() {}

    public static byte[] encode(RedirectionMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (m) {
            case StartSession s -> {
                out.writeBytes(new byte[] {RedirectionMessage.START_SESSION, (byte) s.type().flag(), 0, 0});
                out.writeBytes(s.type().tag());
            }
            case StartSessionReply r -> {
                // type, status, 2 reserved, 8 bytes of protocol/firmware data, OEM length
                out.writeBytes(new byte[] {RedirectionMessage.START_SESSION_REPLY, (byte) r.status(), 0, 0,
                        1, 0, 0x0F, 0, 0x57, 1, 0, 0, (byte) r.oemData().length});
                out.writeBytes(r.oemData());
            }
            case Authenticate a -> {
                out.writeBytes(new byte[] {RedirectionMessage.AUTHENTICATE, 0, 0, 0, (byte) a.authType()});
                putU32(out, a.data().length);
                out.writeBytes(a.data());
            }
            case AuthenticateReply r -> {
                out.writeBytes(new byte[] {RedirectionMessage.AUTHENTICATE_REPLY, (byte) r.status(), 0, 0,
                        (byte) r.authType()});
                putU32(out, r.data().length);
                out.writeBytes(r.data());
            }
            case StartKvm k -> out.writeBytes(new byte[] {RedirectionMessage.START_KVM, 0, 0, 0, 0, 0, 0, 0});
            case StartKvmReply k -> out.writeBytes(new byte[] {RedirectionMessage.START_KVM_REPLY, 0, 0, 0, 0, 0, 0, 0});
        }
        return out.toByteArray();
    }

    public static void write(OutputStream out, RedirectionMessage m) throws IOException {
        out.write(encode(m));
        out.flush();
    }

    /** Console side: the next message from the device. */
    public static RedirectionMessage readFromDevice(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(input);
        int type = readType(in);
        try {
            return readFromDevice(in, type);
        } catch (EOFException e) {
            throw truncated("device", type);
        }
    }

    private static RedirectionMessage readFromDevice(DataInputStream in, int type) throws IOException {
        return switch (type) {
            case RedirectionMessage.START_SESSION_REPLY -> {
                int status = in.readUnsignedByte();
                if (status != RedirectionMessage.STATUS_OK) {
                    yield new StartSessionReply(status, new byte[0]);
                }
                in.readNBytes(10);
                int oemLen = in.readUnsignedByte();
                yield new StartSessionReply(status, readExactly(in, oemLen));
            }
            case RedirectionMessage.AUTHENTICATE_REPLY -> {
                int status = in.readUnsignedByte();
                in.readNBytes(2);
                int authType = in.readUnsignedByte();
                yield new AuthenticateReply(status, authType, readData(in));
            }
            case RedirectionMessage.START_KVM_REPLY -> {
                readExactly(in, 7);
                yield new StartKvmReply();
            }
            default -> throw new RedirectionException(String.format("unexpected redirection message 0x%02X", type));
        };
    }

    /** Device side: the next message from the console. */
    public static RedirectionMessage readFromConsole(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(input);
        int type = readType(in);
        try {
            return readFromConsole(in, type);
        } catch (EOFException e) {
            throw truncated("console", type);
        }
    }

    private static RedirectionMessage readFromConsole(DataInputStream in, int type) throws IOException {
        return switch (type) {
            case RedirectionMessage.START_SESSION -> {
                readExactly(in, 3);
                SessionType t = SessionType.of(readExactly(in, 4));
                if (t == null) {
                    throw new RedirectionException("unknown redirection session type");
                }
                yield new StartSession(t);
            }
            case RedirectionMessage.AUTHENTICATE -> {
                readExactly(in, 3);
                int authType = in.readUnsignedByte();
                yield new Authenticate(authType, readData(in));
            }
            case RedirectionMessage.START_KVM -> {
                readExactly(in, 7);
                yield new StartKvm();
            }
            default -> throw new RedirectionException(String.format("unexpected redirection message 0x%02X", type));
        };
    }

    /** DataInputStream's end-of-stream carries no message; the technician needs one. */
    private static EOFException truncated(String peer, int type) {
        return new EOFException(String.format("the %s closed the redirection connection in the middle of message 0x%02X",
                peer, type));
    }

    private static int readType(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the device closed the redirection connection");
        }
        return type;
    }

    private static byte[] readData(DataInputStream in) throws IOException {
        long len = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
        if (len > MAX_AUTH_DATA) {
            throw new RedirectionException("authentication data of " + len + " bytes exceeds the limit of "
                    + MAX_AUTH_DATA);
        }
        return readExactly(in, (int) len);
    }

    private static byte[] readExactly(DataInputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static void putU32(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }
}
