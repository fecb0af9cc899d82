package dev.outband.cira.apf;

import java.util.Objects;
import java.util.OptionalLong;

/** One APF message. Unsigned 32-bit fields are held in a {@code long}. */
public sealed interface ApfMessage {
    long UNLIMITED = 0xFFFFFFFFL;
    String AUTH_SERVICE = "auth@amt.intel.com";
    String PFWD_SERVICE = "pfwd@amt.intel.com";
    String TCPIP_FORWARD = "tcpip-forward";
    String CANCEL_TCPIP_FORWARD = "cancel-tcpip-forward";
    String FORWARDED_TCPIP = "forwarded-tcpip";
    String PASSWORD_METHOD = "password";

    ApfMessageType type();

    record Disconnect(long reasonCode) implements ApfMessage {
        public Disconnect(DisconnectReason reason) {
            this(reason.code());
        }

        public DisconnectReason reason() {
            return DisconnectReason.fromCode(reasonCode);
        }

        public ApfMessageType type() {
            return ApfMessageType.DISCONNECT;
        }
    }

    record ServiceRequest(String service) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.SERVICE_REQUEST;
        }
    }

    record ServiceAccept(String service) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.SERVICE_ACCEPT;
        }
    }

    /** The password stays bytes so it is never interned, and {@link #toString()} hides it. */
    record UserAuthRequest(String user, String service, String method, byte[] password) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.USERAUTH_REQUEST;
        }

        @Override
        public String toString() {
            return "UserAuthRequest[user=" + user + ", service=" + service + ", method=" + method + ", password=***]";
        }
    }

    record UserAuthFailure(String methods, boolean partialSuccess) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.USERAUTH_FAILURE;
        }
    }

    record UserAuthSuccess() implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.USERAUTH_SUCCESS;
        }
    }

    record GlobalRequest(String name, boolean wantReply, String address, long port) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.GLOBAL_REQUEST;
        }
    }

    /** Carries the port for tcpip-forward; empty for cancel-tcpip-forward. */
    record RequestSuccess(OptionalLong port) implements ApfMessage {
        public RequestSuccess {
            Objects.requireNonNull(port);
        }

        public ApfMessageType type() {
            return ApfMessageType.REQUEST_SUCCESS;
        }
    }

    record RequestFailure() implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.REQUEST_FAILURE;
        }
    }

    record ChannelOpen(String channelType, long senderChannel, long initialWindow, long maxPacket,
                       String targetAddress, long targetPort, String originAddress, long originPort)
            implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.CHANNEL_OPEN;
        }
    }

    record ChannelOpenConfirmation(long recipientChannel, long senderChannel, long window, long reserved)
            implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.CHANNEL_OPEN_CONFIRMATION;
        }
    }

    record ChannelOpenFailure(long recipientChannel, long reasonCode) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.CHANNEL_OPEN_FAILURE;
        }
    }

    record WindowAdjust(long recipientChannel, long bytesToAdd) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.CHANNEL_WINDOW_ADJUST;
        }
    }

    /** {@code length} bytes of {@code data} starting at {@code offset}; lets writers skip a copy. */
    record ChannelData(long recipientChannel, byte[] data, int offset, int length) implements ApfMessage {
        public ChannelData {
            Objects.checkFromIndexSize(offset, length, data.length);
        }

        public ChannelData(long recipientChannel, byte[] data) {
            this(recipientChannel, data, 0, data.length);
        }

        public ApfMessageType type() {
            return ApfMessageType.CHANNEL_DATA;
        }

        @Override
        public String toString() {
            return "ChannelData[recipientChannel=" + recipientChannel + ", length=" + length + "]";
        }
    }

    record ChannelClose(long recipientChannel) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.CHANNEL_CLOSE;
        }
    }

    record ProtocolVersion(long major, long minor, long triggerReason, DeviceUuid uuid) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.PROTOCOL_VERSION;
        }
    }

    record KeepAliveRequest(long cookie) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.KEEPALIVE_REQUEST;
        }
    }

    record KeepAliveReply(long cookie) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.KEEPALIVE_REPLY;
        }
    }

    record KeepAliveOptionsRequest(long intervalSeconds, long timeoutSeconds) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.KEEPALIVE_OPTIONS_REQUEST;
        }
    }

    record KeepAliveOptionsReply(long intervalSeconds, long timeoutSeconds) implements ApfMessage {
        public ApfMessageType type() {
            return ApfMessageType.KEEPALIVE_OPTIONS_REPLY;
        }
    }
}
