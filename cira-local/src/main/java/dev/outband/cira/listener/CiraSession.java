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
import dev.outband.cira.apf.ApfMessageType;
import dev.outband.cira.apf.ApfProtocolException;
import dev.outband.cira.apf.ChannelOpenFailureReason;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.apf.PeerText;
import dev.outband.cira.channel.ApfChannel;
import dev.outband.cira.events.CiraEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One device connection: reads APF on its own virtual thread and dispatches one handler per type. */
final class CiraSession {
    private static final Logger log = LoggerFactory.getLogger(CiraSession.class);
    /** Per-session buffers stay small: a listener holds thousands of mostly idle sessions. */
    private static final int READ_CHUNK = 8 * 1024;
    /** Before login only these may even start to arrive; anything else is refused at its first byte. */
    private static final Set<Integer> HANDSHAKE_TYPES = Set.of(ApfMessageType.PROTOCOL_VERSION.id(),
            ApfMessageType.SERVICE_REQUEST.id(), ApfMessageType.USERAUTH_REQUEST.id(),
            ApfMessageType.DISCONNECT.id());

    private final SSLSocket socket;
    private final CiraListener listener;
    private final ListenerSettings settings;
    private final SocketAddress remote;
    private final ApfCodec codec;
    private final SessionWriter writer;
    private final SessionLogin login;
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.AWAITING_VERSION);
    private final AtomicBoolean dropping = new AtomicBoolean();
    /** Why the socket was closed under the session's feet; the reader's failure then reports this instead. */
    private final AtomicReference<Ending> closedBecause = new AtomicReference<>();
    private final Set<Integer> forwardedPorts = ConcurrentHashMap.newKeySet();
    private final SessionChannels channels;
    private final long startedNanos = System.nanoTime();
    private final Instant connectedSince = Instant.now();
    private volatile long lastMessageNanos = startedNanos;
    private volatile Instant lastKeepAlive;
    private volatile DeviceUuid uuid;
    private boolean keepAliveOptionsSent;
    /** Bytes of the listener's buffer budget this session holds; -1 once given back for good. */
    private long budgetHeld;

    CiraSession(Socket tcp, SSLSocket socket, CiraListener listener) {
        this.socket = socket;
        this.listener = listener;
        this.settings = listener.settings();
        this.remote = tcp.getRemoteSocketAddress();
        this.codec = new ApfCodec(settings.limits());
        this.writer = new SessionWriter(tcp, settings.peerLimits().writeTimeout().toNanos());
        this.login = new SessionLogin(this, listener, settings.peerLimits().maxAuthAttempts());
        this.channels = new SessionChannels(settings, writer::send,
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

    /** True when both sessions logged in with the same user and password. */
    boolean sameCredentials(CiraSession other) {
        return login.sameCredentials(other.login);
    }

    /** Runs the session to its end on the calling (virtual) thread; nothing thrown escapes it. */
    void run() {
        publish(new CiraEvent.Connected(Instant.now(), remote));
        try {
            socket.setSoTimeout((int) settings.handshakeDeadline().toMillis());
            socket.startHandshake();
            socket.setSoTimeout((int) settings.idleTimeout().toMillis());
            writer.start(socket.getOutputStream());
            readLoop(socket.getInputStream());
        } catch (ApfProtocolException e) {
            drop(DisconnectReason.PROTOCOL_ERROR, e.getMessage());
        } catch (SocketTimeoutException e) {
            drop(DisconnectReason.CONNECTION_TIMED_OUT, "no message for " + settings.idleTimeout().toSeconds() + " s");
        } catch (IOException e) {
            end(DisconnectReason.CONNECTION_LOST, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (Throwable e) {
            log.error("CIRA session {} failed; its connection is closed", this, e);
            end(DisconnectReason.CONNECTION_LOST, "listener error: " + e);
        } finally {
            giveBackBudget();
        }
    }

    private void readLoop(InputStream in) throws IOException {
        byte[] chunk = new byte[READ_CHUNK];
        while (state.get() != SessionState.CLOSED) {
            int n = in.read(chunk, 0, readRoom(chunk.length));
            if (n < 0) {
                end(DisconnectReason.CONNECTION_LOST, "connection closed by the device");
                return;
            }
            if (!holdBudget(codec.buffered() + n)) {
                drop(DisconnectReason.BY_POLICY, "the listener's buffer budget of "
                        + settings.peerLimits().bufferBudget() + " bytes is used up");
                return;
            }
            codec.feed(chunk, 0, n);
            ApfMessage message;
            while (state.get() != SessionState.CLOSED && (message = codec.next()) != null) {
                lastMessageNanos = System.nanoTime();
                dispatch(message);
            }
            if (!state.get().isAuthenticated()) {
                checkHandshakeType();
            }
            holdBudget(codec.buffered());
            // Virtual threads are not time-sliced: a device that keeps the socket full must not keep
            // the carrier from every other session.
            Thread.yield();
        }
    }

    /** Before login a peer may be at most {@code preAuthBuffer} bytes ahead, whatever its message announces. */
    private int readRoom(int chunk) throws ApfProtocolException {
        if (state.get().isAuthenticated()) {
            return chunk;
        }
        int room = settings.peerLimits().preAuthBuffer() - codec.buffered();
        if (room <= 0) {
            throw new ApfProtocolException("more than " + settings.peerLimits().preAuthBuffer()
                    + " bytes sent before logging in");
        }
        return Math.min(chunk, room);
    }

    private void checkHandshakeType() throws ApfProtocolException {
        int type = codec.pendingTypeId();
        if (type >= 0 && !HANDSHAKE_TYPES.contains(type)) {
            String name = ApfMessageType.fromId(type).map(Enum::name).orElse("unknown message type " + type);
            throw new ApfProtocolException(name + " is not allowed before logging in");
        }
    }

    private void dispatch(ApfMessage message) throws IOException {
        switch (message) {
            case ProtocolVersion m -> onProtocolVersion(m);
            case ServiceRequest m -> onServiceRequest(m);
            case UserAuthRequest m -> login.onRequest(m);
            case GlobalRequest m -> onGlobalRequest(requireForwarding(m));
            case KeepAliveRequest m -> onKeepAlive(requireForwarding(m));
            case KeepAliveReply m -> {
                requireForwarding(m);
                noteKeepAlive();
            }
            case KeepAliveOptionsReply m -> log.debug("{} keep-alive options accepted: {}", this, requireForwarding(m));
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

    /** The login succeeded: from now on the session carries the device. */
    void authenticated(String user) throws IOException {
        move(SessionState.AWAITING_AUTH, SessionState.AUTHENTICATED);
        send(new UserAuthSuccess());
        publish(new CiraEvent.Authenticated(Instant.now(), remote, uuid, PeerText.escape(user)));
    }

    boolean awaitingLogin() {
        return state.get() == SessionState.AWAITING_AUTH;
    }

    private void onGlobalRequest(GlobalRequest m) throws IOException {
        boolean portValid = m.port() > 0 && m.port() <= 65535;
        switch (m.name()) {
            case ApfMessage.TCPIP_FORWARD -> {
                int port = (int) m.port();
                int cap = settings.peerLimits().maxForwardsPerDevice();
                if (!portValid || (!forwardedPorts.contains(port) && forwardedPorts.size() >= cap)) {
                    log.debug("{}: tcpip-forward {} refused ({} ports forwarded, at most {})", this, m.port(),
                            forwardedPorts.size(), cap);
                    replyFailure(m);
                    return;
                }
                if (forwardedPorts.add(port)) {
                    // Published before the reply: whoever sees the device use the port has seen the event.
                    publish(new CiraEvent.PortsForwarded(Instant.now(), remote, uuid, Set.copyOf(forwardedPorts)));
                }
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
                if (portValid && forwardedPorts.remove((int) m.port())) {
                    publish(new CiraEvent.PortsForwarded(Instant.now(), remote, uuid, Set.copyOf(forwardedPorts)));
                }
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

    /**
     * Called by the listener's watchdog; never blocks. Closes the socket under a write that is past its
     * deadline, and drops, on a thread of their own, sessions past their handshake deadline or idle timeout.
     */
    void checkTimeouts(long nowNanos) {
        if (writer.overdue(nowNanos)) {
            String detail = "the device has not read what was sent for " + writer.timeoutMillis() + " ms";
            closedBecause.compareAndSet(null, new Ending(DisconnectReason.CONNECTION_TIMED_OUT, detail));
            writer.forceClose();
            dropLater(DisconnectReason.CONNECTION_TIMED_OUT, detail);
            return;
        }
        SessionState current = state.get();
        if (current == SessionState.CLOSED) {
            return;
        }
        if (!current.isAuthenticated() && nowNanos - startedNanos > settings.handshakeDeadline().toNanos()) {
            dropLater(DisconnectReason.CONNECTION_TIMED_OUT,
                    "handshake not finished within " + settings.handshakeDeadline().toMillis() + " ms");
        } else if (nowNanos - lastMessageNanos > settings.idleTimeout().toNanos()) {
            dropLater(DisconnectReason.CONNECTION_TIMED_OUT, "no message for " + settings.idleTimeout().toSeconds() + " s");
        }
    }

    void send(ApfMessage message) throws IOException {
        writer.send(message);
    }

    /** Ends the session with a DISCONNECT carrying {@code reason}, on the calling thread. */
    void drop(DisconnectReason reason, String detail) {
        // The reader and the watchdog may both decide to drop; only the first one speaks.
        if (state.get() != SessionState.CLOSED && dropping.compareAndSet(false, true)) {
            finish(reason, detail);
        }
    }

    /** Like {@link #drop} on a new virtual thread: the caller never waits for this session's writes. */
    void dropLater(DisconnectReason reason, String detail) {
        if (state.get() != SessionState.CLOSED && dropping.compareAndSet(false, true)) {
            Thread.ofVirtual().name("cira-drop").start(() -> finish(reason, detail));
        }
    }

    /** Closes the TCP socket at once and ends the session without a word to the peer. */
    void forceClose(String detail) {
        closedBecause.compareAndSet(null, new Ending(DisconnectReason.BY_APPLICATION, detail));
        writer.forceClose();
        end(DisconnectReason.BY_APPLICATION, detail);
    }

    private void finish(DisconnectReason reason, String detail) {
        if (reason != DisconnectReason.CONNECTION_LOST) {
            writer.trySend(new Disconnect(reason));
        }
        end(reason, detail);
    }

    private void end(DisconnectReason reason, String detail) {
        SessionState previous = state.getAndSet(SessionState.CLOSED);
        if (previous == SessionState.CLOSED) {
            return;
        }
        Ending forced = closedBecause.get();
        if (forced != null) {
            reason = forced.reason();
            detail = forced.detail();
        }
        writer.close(socket);
        channels.abortAll("device disconnected: " + reason);
        listener.unregister(this);
        String shown = PeerText.escape(detail);
        log.info("CIRA {} {} disconnected: {} ({})", remote, uuid == null ? "(no UUID)" : uuid, reason, shown);
        publish(new CiraEvent.Disconnected(Instant.now(), remote, uuid, reason, shown));
    }

    /** Resizes this session's share of the listener's buffer budget; false when the budget has no room. */
    private synchronized boolean holdBudget(long bytes) {
        if (budgetHeld < 0) {
            return true;
        }
        long more = bytes - budgetHeld;
        if (more > 0 && !listener.bufferBudget().tryTake(more)) {
            return false;
        }
        if (more < 0) {
            listener.bufferBudget().giveBack(-more);
        }
        budgetHeld = bytes;
        return true;
    }

    private synchronized void giveBackBudget() {
        if (budgetHeld > 0) {
            listener.bufferBudget().giveBack(budgetHeld);
        }
        budgetHeld = -1;
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

    ApfProtocolException unexpected(ApfMessage message) {
        return new ApfProtocolException(message.type() + " not expected in state " + state.get());
    }

    private void publish(CiraEvent event) {
        listener.events().publish(event);
    }

    @Override
    public String toString() {
        return "CiraSession[" + remote + ", " + uuid + "]";
    }

    private record Ending(DisconnectReason reason, String detail) {
    }
}
