package dev.outband.cira.listener;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfMessage;
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
import dev.outband.cira.apf.ApfProtocolException;
import dev.outband.cira.apf.ChannelOpenFailureReason;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.channel.ApfChannel;
import dev.outband.cira.events.CiraEvent;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One device connection: reads APF on its own virtual thread and dispatches one handler per type. */
final class CiraSession {
    private static final Logger log = LoggerFactory.getLogger(CiraSession.class);
    /** Per-session buffers stay small: a listener holds thousands of mostly idle sessions. */
    private static final int READ_CHUNK = 8 * 1024;
    private static final int WRITE_BUFFER = 4 * 1024;

    private final SSLSocket socket;
    private final CiraListener listener;
    private final ListenerSettings settings;
    private final SocketAddress remote;
    private final ApfCodec codec;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.AWAITING_VERSION);
    private final AtomicBoolean dropping = new AtomicBoolean();
    private final Set<Integer> forwardedPorts = ConcurrentHashMap.newKeySet();
    private final SessionChannels channels;
    private final long startedNanos = System.nanoTime();
    private final Instant connectedSince = Instant.now();
    private volatile long lastMessageNanos = startedNanos;
    private volatile Instant lastKeepAlive;
    private volatile DeviceUuid uuid;
    private boolean keepAliveOptionsSent;
    private OutputStream out;

    CiraSession(SSLSocket socket, CiraListener listener) {
        this.socket = socket;
        this.listener = listener;
        this.settings = listener.settings();
        this.remote = socket.getRemoteSocketAddress();
        this.codec = new ApfCodec(settings.limits());
        this.channels = new SessionChannels(settings, this::send,
                channel -> publish(new CiraEvent.ChannelOpened(Instant.now(), remote, uuid, channel.targetPort(),
                        channel.localId())),
                channel -> publish(new CiraEvent.ChannelClosed(Instant.now(), remote, uuid, channel.targetPort(),
                        channel.localId())));
    }

    DeviceUuid uuid() {
        return uuid;
    }

    SocketAddress remote() {
        return remote;
    }

    SessionState state() {
        return state.get();
    }

    DeviceSnapshot snapshot() {
        return new DeviceSnapshot(uuid, remote, connectedSince, lastKeepAlive, Set.copyOf(forwardedPorts),
                channels.openCount());
    }

    /** Runs the session to its end on the calling (virtual) thread. */
    void run() {
        publish(new CiraEvent.Connected(Instant.now(), remote));
        try {
            socket.setSoTimeout((int) settings.handshakeDeadline().toMillis());
            socket.startHandshake();
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            out = new BufferedOutputStream(socket.getOutputStream(), WRITE_BUFFER);
            readLoop(socket.getInputStream());
        } catch (ApfProtocolException e) {
            drop(DisconnectReason.PROTOCOL_ERROR, e.getMessage());
        } catch (SocketTimeoutException e) {
            drop(DisconnectReason.CONNECTION_TIMED_OUT, "no message for " + settings.idleTimeout().toSeconds() + " s");
        } catch (IOException e) {
            end(DisconnectReason.CONNECTION_LOST, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void readLoop(InputStream in) throws IOException {
        byte[] chunk = new byte[READ_CHUNK];
        while (state.get() != SessionState.CLOSED) {
            int n = in.read(chunk);
            if (n < 0) {
                end(DisconnectReason.CONNECTION_LOST, "connection closed by the device");
                return;
            }
            codec.feed(chunk, 0, n);
            ApfMessage message;
            while (state.get() != SessionState.CLOSED && (message = codec.next()) != null) {
                lastMessageNanos = System.nanoTime();
                dispatch(message);
            }
        }
    }

    private void dispatch(ApfMessage message) throws IOException {
        switch (message) {
            case ProtocolVersion m -> onProtocolVersion(m);
            case ServiceRequest m -> onServiceRequest(m);
            case UserAuthRequest m -> onUserAuth(m);
            case GlobalRequest m -> onGlobalRequest(requireForwarding(m));
            case KeepAliveRequest m -> onKeepAlive(requireForwarding(m));
            case KeepAliveReply m -> noteKeepAlive();
            case KeepAliveOptionsReply m -> log.debug("{} keep-alive options accepted: {}", this, m);
            case ChannelOpen m -> send(new ChannelOpenFailure(requireForwarding(m).senderChannel(),
                    ChannelOpenFailureReason.UNKNOWN_CHANNEL_TYPE.code()));
            case ChannelOpenConfirmation m -> channels.onConfirmation(requireForwarding(m));
            case ChannelOpenFailure m -> channels.onFailure(requireForwarding(m));
            case WindowAdjust m -> channels.table().onWindowAdjust(requireForwarding(m));
            case ChannelData m -> channels.table().onData(requireForwarding(m));
            case ChannelClose m -> channels.table().onClose(requireForwarding(m));
            case Disconnect m -> end(m.reason(), "device disconnected (" + m.reason() + ")");
            case ServiceAccept m -> throw unexpected(m);
            case UserAuthFailure m -> throw unexpected(m);
            case UserAuthSuccess m -> throw unexpected(m);
            case RequestSuccess m -> throw unexpected(m);
            case RequestFailure m -> throw unexpected(m);
            case KeepAliveOptionsRequest m -> throw unexpected(m);
        }
    }

    private void onProtocolVersion(ProtocolVersion m) throws IOException {
        if (state.get() != SessionState.AWAITING_VERSION) {
            throw unexpected(m);
        }
        if (m.major() != 1) {
            drop(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED, "APF version " + m.major() + "." + m.minor());
            return;
        }
        uuid = m.uuid();
        move(SessionState.AWAITING_VERSION, SessionState.AWAITING_AUTH_SERVICE);
    }

    private void onServiceRequest(ServiceRequest m) throws IOException {
        SessionState current = state.get();
        if (ApfMessage.AUTH_SERVICE.equals(m.service()) && current == SessionState.AWAITING_AUTH_SERVICE) {
            move(current, SessionState.AWAITING_AUTH);
        } else if (ApfMessage.PFWD_SERVICE.equals(m.service()) && current == SessionState.AUTHENTICATED) {
            move(current, SessionState.FORWARDING);
        } else {
            drop(DisconnectReason.SERVICE_NOT_AVAILABLE, "service " + m.service() + " requested in state " + current);
            return;
        }
        send(new ServiceAccept(m.service()));
    }

    private void onUserAuth(UserAuthRequest m) throws IOException {
        if (state.get() != SessionState.AWAITING_AUTH) {
            throw unexpected(m);
        }
        if (!ApfMessage.PASSWORD_METHOD.equals(m.method())) {
            // Tells the device which method to use; it may try again.
            send(new UserAuthFailure(ApfMessage.PASSWORD_METHOD, false));
            return;
        }
        if (!listener.credentialCheck().accepts(uuid, m.user(), m.password())) {
            send(new UserAuthFailure(ApfMessage.PASSWORD_METHOD, false));
            drop(DisconnectReason.INVALID_CREDENTIALS, "wrong CIRA user or password for user " + m.user());
            return;
        }
        move(SessionState.AWAITING_AUTH, SessionState.AUTHENTICATED);
        send(new UserAuthSuccess());
        listener.register(this);
        publish(new CiraEvent.Authenticated(Instant.now(), remote, uuid, m.user()));
    }

    private void onGlobalRequest(GlobalRequest m) throws IOException {
        boolean portValid = m.port() > 0 && m.port() <= 65535;
        switch (m.name()) {
            case ApfMessage.TCPIP_FORWARD -> {
                if (!portValid) {
                    replyFailure(m);
                    return;
                }
                forwardedPorts.add((int) m.port());
                // Published before the reply: whoever sees the device use the port has seen the event.
                publish(new CiraEvent.PortsForwarded(Instant.now(), remote, uuid, Set.copyOf(forwardedPorts)));
                if (m.wantReply()) {
                    send(new RequestSuccess(OptionalLong.of(m.port())));
                }
                if (!keepAliveOptionsSent) {
                    keepAliveOptionsSent = true;
                    long interval = settings.keepAliveInterval().toSeconds();
                    send(new KeepAliveOptionsRequest(Math.max(1, interval), settings.idleTimeout().toSeconds()));
                }
            }
            case ApfMessage.CANCEL_TCPIP_FORWARD -> {
                forwardedPorts.remove((int) m.port());
                publish(new CiraEvent.PortsForwarded(Instant.now(), remote, uuid, Set.copyOf(forwardedPorts)));
                if (m.wantReply()) {
                    send(new RequestSuccess(OptionalLong.empty()));
                }
            }
            default -> replyFailure(m);
        }
    }

    private void replyFailure(GlobalRequest m) throws IOException {
        if (m.wantReply()) {
            send(new RequestFailure());
        }
    }

    private void onKeepAlive(KeepAliveRequest m) throws IOException {
        send(new KeepAliveReply(m.cookie()));
        noteKeepAlive();
    }

    private void noteKeepAlive() {
        lastKeepAlive = Instant.now();
        publish(new CiraEvent.KeepAlive(lastKeepAlive, remote, uuid));
    }

    /** Opens a channel to a port the device forwarded. */
    ApfChannel openChannel(int port, Duration timeout) throws IOException {
        if (state.get() != SessionState.FORWARDING) {
            throw new IOException("device " + uuid + " is not connected");
        }
        if (!forwardedPorts.contains(port)) {
            throw new IOException("device " + uuid + " does not forward port " + port);
        }
        return channels.open(port, timeout);
    }

    /** Called by the listener's watchdog; drops a session past its handshake deadline or idle timeout. */
    void checkTimeouts(long nowNanos) {
        SessionState current = state.get();
        if (current == SessionState.CLOSED) {
            return;
        }
        if (!current.isAuthenticated() && nowNanos - startedNanos > settings.handshakeDeadline().toNanos()) {
            drop(DisconnectReason.CONNECTION_TIMED_OUT,
                    "handshake not finished within " + settings.handshakeDeadline().toMillis() + " ms");
        } else if (nowNanos - lastMessageNanos > settings.idleTimeout().toNanos()) {
            drop(DisconnectReason.CONNECTION_TIMED_OUT, "no message for " + settings.idleTimeout().toSeconds() + " s");
        }
    }

    void send(ApfMessage message) throws IOException {
        writeLock.lock();
        try {
            if (out == null) {
                throw new IOException("TLS not established");
            }
            ApfCodec.write(message, out);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Ends the session with a DISCONNECT carrying {@code reason}. */
    void drop(DisconnectReason reason, String detail) {
        // The reader and the watchdog may both decide to drop; only the first one speaks.
        if (state.get() == SessionState.CLOSED || !dropping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (out != null && reason != DisconnectReason.CONNECTION_LOST) {
                send(new Disconnect(reason));
            }
        } catch (IOException e) {
            log.debug("{}: DISCONNECT not delivered: {}", this, e.getMessage());
        }
        end(reason, detail);
    }

    private void end(DisconnectReason reason, String detail) {
        SessionState previous = state.getAndSet(SessionState.CLOSED);
        if (previous == SessionState.CLOSED) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("{}: close failed: {}", this, e.getMessage());
        }
        channels.abortAll("device disconnected: " + reason);
        listener.unregister(this);
        log.info("CIRA {} {} disconnected: {} ({})", remote, uuid == null ? "(no UUID)" : uuid, reason, detail);
        publish(new CiraEvent.Disconnected(Instant.now(), remote, uuid, reason, detail));
    }

    private void move(SessionState from, SessionState to) throws ApfProtocolException {
        if (!from.canMoveTo(to) || !state.compareAndSet(from, to)) {
            throw new ApfProtocolException("cannot move from " + state.get() + " to " + to);
        }
    }

    private <M extends ApfMessage> M requireForwarding(M message) throws ApfProtocolException {
        if (state.get() != SessionState.FORWARDING) {
            throw unexpected(message);
        }
        return message;
    }

    private ApfProtocolException unexpected(ApfMessage message) {
        return new ApfProtocolException(message.type() + " not expected in state " + state.get());
    }

    private void publish(CiraEvent event) {
        listener.events().publish(event);
    }

    @Override
    public String toString() {
        return "CiraSession[" + remote + ", " + uuid + "]";
    }
}
