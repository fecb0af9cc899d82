package dev.outband.cira.apf;

import dev.outband.cira.apf.ApfMessage.ChannelClose;
import dev.outband.cira.apf.ApfMessage.ChannelData;
import dev.outband.cira.apf.ApfMessage.ChannelOpen;
import dev.outband.cira.apf.ApfMessage.ChannelOpenConfirmation;
import dev.outband.cira.apf.ApfMessage.ChannelOpenFailure;
import dev.outband.cira.apf.ApfMessage.Disconnect;
import dev.outband.cira.apf.ApfMessage.GlobalRequest;
import dev.outband.cira.apf.ApfMessage.KeepAliveOptionsReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveOptionsRequest;
import dev.outband.cira.apf.ApfMessage.KeepAliveReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveRequest;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.RequestFailure;
import dev.outband.cira.apf.ApfMessage.RequestSuccess;
import dev.outband.cira.apf.ApfMessage.ServiceAccept;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthFailure;
import dev.outband.cira.apf.ApfMessage.UserAuthRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthSuccess;
import dev.outband.cira.apf.ApfMessage.WindowAdjust;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Reads and writes APF messages. APF has no frame header, so the decoder accumulates bytes
 * ({@link #feed}) and hands out whole messages ({@link #next}) while the buffer holds them.
 * One decoder per connection; not thread-safe. Encoding is stateless.
 */
public final class ApfCodec {
    static final int PROTOCOL_VERSION_RESERVED = 64;
    // Small: most messages are tiny, and thousands of idle sessions each hold one buffer.
    private static final int INITIAL_BUFFER = 4 * 1024;

    private final ApfLimits limits;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int start;
    private int end;
    /** REQUEST_SUCCESS has a port only for tcpip-forward; the requester says which reply is next. */
    private final ArrayDeque<Boolean> pendingGlobalRepliesWithPort = new ArrayDeque<>();

    public ApfCodec(ApfLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    /** Appends received bytes. Call {@link #next()} until it returns null before feeding more. */
    public void feed(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (buffer.length - end < length) {
            int buffered = end - start;
            if (buffer.length - buffered < length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + length));
            }
            System.arraycopy(buffer, start, buffer, 0, buffered);
            start = 0;
            end = buffered;
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
    }

    /** Number of bytes received but not yet returned as a message. */
    public int buffered() {
        return end - start;
    }

    /** The type byte of the message being received, or -1 when nothing is buffered. */
    public int pendingTypeId() {
        return start == end ? -1 : buffer[start] & 0xFF;
    }

    /** Tells the decoder a GLOBAL_REQUEST with wantReply was sent, so it can size the reply. */
    public void expectGlobalReply(String requestName) {
        pendingGlobalRepliesWithPort.add(ApfMessage.TCPIP_FORWARD.equals(requestName));
    }

    /**
     * The next whole message, or null when the buffer holds only part of one.
     *
     * @throws ApfProtocolException for an unknown type, a length over a limit, or a partial message
     *                              already larger than the largest allowed
     */
    public ApfMessage next() throws ApfProtocolException {
        if (start == end) {
            return null;
        }
        Reader reader = new Reader(buffer, start, end, limits);
        ApfMessage message = parse(reader);
        if (reader.ranShort) {
            if (end - start > limits.maxMessageSize()) {
                throw new ApfProtocolException("message larger than " + limits.maxMessageSize() + " bytes");
            }
            return null;
        }
        if (message instanceof RequestSuccess || message instanceof RequestFailure) {
            pendingGlobalRepliesWithPort.poll();
        }
        start = reader.position;
        if (start == end) {
            start = 0;
            end = 0;
            if (buffer.length > INITIAL_BUFFER) {
                buffer = new byte[INITIAL_BUFFER];
            }
        }
        return message;
    }

    private ApfMessage parse(Reader in) throws ApfProtocolException {
        int id = in.u8();
        ApfMessageType type = ApfMessageType.fromId(id)
                .orElseThrow(() -> new ApfProtocolException("unknown message type " + id));
        return switch (type) {
            case DISCONNECT -> {
                long reason = in.u32();
                in.skip(2);
                yield new Disconnect(reason);
            }
            case SERVICE_REQUEST -> new ServiceRequest(in.string("service"));
            case SERVICE_ACCEPT -> new ServiceAccept(in.string("service"));
            case USERAUTH_REQUEST -> {
                String user = in.string("user");
                String service = in.string("service");
                String method = in.string("method");
                in.skip(1);
                yield new UserAuthRequest(user, service, method, in.bytes("password", limits.maxStringLength()));
            }
            case USERAUTH_FAILURE -> new UserAuthFailure(in.string("methods"), in.u8() != 0);
            case USERAUTH_SUCCESS -> new UserAuthSuccess();
            case GLOBAL_REQUEST -> new GlobalRequest(in.string("request name"), in.u8() != 0,
                    in.string("address"), in.u32());
            case REQUEST_SUCCESS -> {
                boolean withPort = !Boolean.FALSE.equals(pendingGlobalRepliesWithPort.peek());
                yield new RequestSuccess(withPort ? OptionalLong.of(in.u32()) : OptionalLong.empty());
            }
            case REQUEST_FAILURE -> new RequestFailure();
            case CHANNEL_OPEN -> new ChannelOpen(in.string("channel type"), in.u32(), in.u32(), in.u32(),
                    in.string("target address"), in.u32(), in.string("origin address"), in.u32());
            case CHANNEL_OPEN_CONFIRMATION -> new ChannelOpenConfirmation(in.u32(), in.u32(), in.u32(), in.u32());
            case CHANNEL_OPEN_FAILURE -> {
                ChannelOpenFailure failure = new ChannelOpenFailure(in.u32(), in.u32());
                in.skip(8);
                yield failure;
            }
            case CHANNEL_WINDOW_ADJUST -> new WindowAdjust(in.u32(), in.u32());
            case CHANNEL_DATA -> {
                long channel = in.u32();
                yield new ChannelData(channel, in.bytes("channel data", limits.maxChannelData()));
            }
            case CHANNEL_CLOSE -> new ChannelClose(in.u32());
            case PROTOCOL_VERSION -> {
                long major = in.u32();
                long minor = in.u32();
                long trigger = in.u32();
                byte[] uuid = in.fixed(16);
                in.skip(PROTOCOL_VERSION_RESERVED);
                yield new ProtocolVersion(major, minor, trigger, DeviceUuid.fromWire(uuid));
            }
            case KEEPALIVE_REQUEST -> new KeepAliveRequest(in.u32());
            case KEEPALIVE_REPLY -> new KeepAliveReply(in.u32());
            case KEEPALIVE_OPTIONS_REQUEST -> new KeepAliveOptionsRequest(in.u32(), in.u32());
            case KEEPALIVE_OPTIONS_REPLY -> new KeepAliveOptionsReply(in.u32(), in.u32());
        };
    }

    /** Serializes one message. */
    public static byte[] encode(ApfMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try {
            write(message, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes one message; CHANNEL_DATA payloads go straight to {@code out} without a copy. */
    public static void write(ApfMessage message, OutputStream out) throws IOException {
        Writer w = new Writer(out);
        w.u8(message.type().id());
        switch (message) {
            case Disconnect m -> {
                w.u32(m.reasonCode());
                w.u8(0);
                w.u8(0);
            }
            case ServiceRequest m -> w.string(m.service());
            case ServiceAccept m -> w.string(m.service());
            case UserAuthRequest m -> {
                w.string(m.user());
                w.string(m.service());
                w.string(m.method());
                w.u8(0);
                w.bytes(m.password(), 0, m.password().length);
            }
            case UserAuthFailure m -> {
                w.string(m.methods());
                w.u8(m.partialSuccess() ? 1 : 0);
            }
            case UserAuthSuccess m -> { }
            case GlobalRequest m -> {
                w.string(m.name());
                w.u8(m.wantReply() ? 1 : 0);
                w.string(m.address());
                w.u32(m.port());
            }
            case RequestSuccess m -> {
                if (m.port().isPresent()) {
                    w.u32(m.port().getAsLong());
                }
            }
            case RequestFailure m -> { }
            case ChannelOpen m -> {
                w.string(m.channelType());
                w.u32(m.senderChannel());
                w.u32(m.initialWindow());
                w.u32(m.maxPacket());
                w.string(m.targetAddress());
                w.u32(m.targetPort());
                w.string(m.originAddress());
                w.u32(m.originPort());
            }
            case ChannelOpenConfirmation m -> {
                w.u32(m.recipientChannel());
                w.u32(m.senderChannel());
                w.u32(m.window());
                w.u32(m.reserved());
            }
            case ChannelOpenFailure m -> {
                w.u32(m.recipientChannel());
                w.u32(m.reasonCode());
                w.u32(0);
                w.u32(0);
            }
            case WindowAdjust m -> {
                w.u32(m.recipientChannel());
                w.u32(m.bytesToAdd());
            }
            case ChannelData m -> {
                w.u32(m.recipientChannel());
                w.bytes(m.data(), m.offset(), m.length());
            }
            case ChannelClose m -> w.u32(m.recipientChannel());
            case ProtocolVersion m -> {
                w.u32(m.major());
                w.u32(m.minor());
                w.u32(m.triggerReason());
                out.write(m.uuid().toWire());
                out.write(new byte[PROTOCOL_VERSION_RESERVED]);
            }
            case KeepAliveRequest m -> w.u32(m.cookie());
            case KeepAliveReply m -> w.u32(m.cookie());
            case KeepAliveOptionsRequest m -> {
                w.u32(m.intervalSeconds());
                w.u32(m.timeoutSeconds());
            }
            case KeepAliveOptionsReply m -> {
                w.u32(m.intervalSeconds());
                w.u32(m.timeoutSeconds());
            }
        }
    }

    /**
     * Bounds-checked reads over the buffered bytes. Running out of bytes is not an error: the reader
     * notes it and returns zeros, and {@link #next()} discards the half-parsed message.
     */
    private static final class Reader {
        private final byte[] data;
        private final int limit;
        private final ApfLimits limits;
        private int position;
        private boolean ranShort;

        Reader(byte[] data, int start, int end, ApfLimits limits) {
            this.data = data;
            this.position = start;
            this.limit = end;
            this.limits = limits;
        }

        private boolean available(int count) {
            if (ranShort || limit - position < count) {
                ranShort = true;
                return false;
            }
            return true;
        }

        int u8() {
            return available(1) ? data[position++] & 0xFF : 0;
        }

        long u32() {
            if (!available(4)) {
                return 0;
            }
            long value = ((data[position] & 0xFFL) << 24) | ((data[position + 1] & 0xFFL) << 16)
                    | ((data[position + 2] & 0xFFL) << 8) | (data[position + 3] & 0xFFL);
            position += 4;
            return value;
        }

        void skip(int count) {
            if (available(count)) {
                position += count;
            }
        }

        byte[] fixed(int count) {
            if (!available(count)) {
                return new byte[count];
            }
            byte[] copy = Arrays.copyOfRange(data, position, position + count);
            position += count;
            return copy;
        }

        /** A length-prefixed field: the length is checked against {@code max} before any allocation. */
        byte[] bytes(String field, int max) throws ApfProtocolException {
            long length = u32();
            if (ranShort) {
                return new byte[0];
            }
            if (length > max) {
                throw new ApfProtocolException(field + " length " + length + " exceeds " + max);
            }
            return fixed((int) length);
        }

        String string(String field) throws ApfProtocolException {
            return new String(bytes(field, limits.maxStringLength()), StandardCharsets.UTF_8);
        }
    }

    private record Writer(OutputStream out) {
        void u8(int value) throws IOException {
            out.write(value);
        }

        void u32(long value) throws IOException {
            out.write((int) (value >>> 24));
            out.write((int) (value >>> 16));
            out.write((int) (value >>> 8));
            out.write((int) value);
        }

        void bytes(byte[] value, int offset, int length) throws IOException {
            u32(length);
            out.write(value, offset, length);
        }

        void string(String value) throws IOException {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            bytes(utf8, 0, utf8.length);
        }
    }
}
