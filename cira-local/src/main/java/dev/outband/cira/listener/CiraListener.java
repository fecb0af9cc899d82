package dev.outband.cira.listener;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.apf.ApfMessage.Disconnect;
import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEventListener;
import dev.outband.cira.events.CiraEvents;
import java.io.Closeable;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local CIRA listener: a TLS server devices connect to, a registry of authenticated devices,
 * and the tunnels the console opens to them. One virtual thread per connection.
 */
public final class CiraListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CiraListener.class);
    private static final Duration MAX_WATCHDOG_PERIOD = Duration.ofSeconds(1);
    /** A pause after an accept failure (out of file descriptors, memory) so the loop does not spin on it. */
    private static final Duration ACCEPT_FAILURE_PAUSE = Duration.ofMillis(100);
    /** Refusals (TLS, then DISCONNECT) under way at once; beyond it a connection is closed unanswered. */
    private static final int MAX_REFUSALS_IN_FLIGHT = 64;

    private final ListenerSettings settings;
    private final CiraCredentialCheck credentialCheck;
    private final ServerSocket server;
    private final ListenerTls tls;
    private final CiraEvents events = new CiraEvents();
    private final Set<CiraSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<DeviceUuid, CiraSession> devices = new ConcurrentHashMap<>();
    /** Connections being refused, with the time by which the watchdog closes them regardless. */
    private final Map<Socket, Long> refusals = new ConcurrentHashMap<>();
    private final BufferBudget bufferBudget;
    private final AuthThrottle throttle;
    private volatile boolean closed;

    private CiraListener(ListenerSettings settings, CiraCredentialCheck credentialCheck, ServerSocket server,
                         ListenerTls tls) {
        this.settings = settings;
        this.credentialCheck = credentialCheck;
        this.server = server;
        this.tls = tls;
        this.bufferBudget = new BufferBudget(settings.peerLimits().bufferBudget());
        this.throttle = new AuthThrottle(settings.throttle());
    }

    /** Binds the port and starts accepting devices. */
    public static CiraListener start(ListenerSettings settings, ServerIdentity identity,
                                     CiraCredentialCheck credentialCheck) throws IOException {
        Objects.requireNonNull(credentialCheck);
        ListenerTls tls;
        try {
            tls = ListenerTls.of(settings, identity);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the CIRA listener: " + e.getMessage(), e);
        }
        CiraListener listener = new CiraListener(settings, credentialCheck, ListenerTls.bind(settings), tls);
        Thread.ofVirtual().name("cira-accept").start(listener::acceptLoop);
        Thread.ofVirtual().name("cira-watchdog").start(listener::watchdogLoop);
        log.info("CIRA listener on port {} ({})", listener.port(), settings.legacyTls() ? "TLS 1.0+, legacy" : "TLS 1.2+");
        return listener;
    }

    public int port() {
        return server.getLocalPort();
    }

    public ListenerSettings settings() {
        return settings;
    }

    public CiraEvents.Subscription subscribe(CiraEventListener listener) {
        return events.subscribe(listener);
    }

    /** Authenticated devices, oldest connection first. */
    public List<DeviceSnapshot> connectedDevices() {
        return devices.values().stream().map(CiraSession::snapshot)
                .sorted(Comparator.comparing(DeviceSnapshot::connectedSince)).toList();
    }

    /** Every TLS connection, authenticated or not. */
    public int connectionCount() {
        return sessions.size();
    }

    /** The device as long as it is connected; its socket factory follows it across reconnects. */
    public Optional<CiraDevice> device(DeviceUuid uuid) {
        return devices.containsKey(uuid) ? Optional.of(new CiraDevice(this, uuid)) : Optional.empty();
    }

    /** A socket factory whose sockets are APF channels to {@code uuid}, whichever session carries it then. */
    public SocketFactory socketFactory(DeviceUuid uuid) {
        return new CiraSocketFactory(this, uuid);
    }

    CiraEvents events() {
        return events;
    }

    CiraCredentialCheck credentialCheck() {
        return credentialCheck;
    }

    BufferBudget bufferBudget() {
        return bufferBudget;
    }

    AuthThrottle throttle() {
        return throttle;
    }

    Optional<CiraSession> session(DeviceUuid uuid) {
        return Optional.ofNullable(devices.get(uuid));
    }

    /**
     * Makes {@code session} the one carrying its UUID. A live session of the same UUID is replaced only
     * when both logged in with the same credentials; otherwise the newcomer is refused (false).
     */
    synchronized boolean register(CiraSession session) {
        CiraSession previous = devices.get(session.uuid());
        if (previous != null && previous != session && previous.state() != SessionState.CLOSED) {
            if (!previous.sameCredentials(session)) {
                return false;
            }
            previous.dropLater(DisconnectReason.BY_APPLICATION, "replaced by a newer connection from " + session.remote());
        }
        devices.put(session.uuid(), session);
        return true;
    }

    void unregister(CiraSession session) {
        sessions.remove(session);
        if (session.uuid() != null) {
            devices.remove(session.uuid(), session);
        }
    }

    /** Accepts until closed; no failure of one connection, nor an Error, ends the loop. */
    private void acceptLoop() {
        while (!closed) {
            Socket plain = null;
            try {
                plain = server.accept();
                admit(plain);
            } catch (Throwable e) {
                if (closed || server.isClosed()) {
                    return;
                }
                log.error("CIRA listener: accepting a connection failed; still listening", e);
                closeQuietly(plain);
                pauseAfterFailure();
            }
        }
    }

    private void admit(Socket plain) throws IOException {
        plain.setTcpNoDelay(true);
        if (sessions.size() >= settings.maxConnections()) {
            refuse(plain);
            return;
        }
        CiraSession session = new CiraSession(plain, tls.layer(plain), this);
        sessions.add(session);
        try {
            Thread.ofVirtual().name("cira-session").start(session::run);
        } catch (Throwable e) {
            sessions.remove(session);
            throw e;
        }
    }

    /** Says TOO_MANY_CONNECTIONS over TLS when it can, within the handshake deadline the watchdog enforces. */
    private void refuse(Socket plain) throws IOException {
        if (refusals.size() >= MAX_REFUSALS_IN_FLIGHT) {
            closeQuietly(plain);
            return;
        }
        SSLSocket socket = tls.layer(plain);
        refusals.put(plain, System.nanoTime() + settings.handshakeDeadline().toNanos());
        Thread.ofVirtual().name("cira-refuse").start(() -> {
            try (socket) {
                socket.setSoTimeout((int) settings.handshakeDeadline().toMillis());
                socket.getOutputStream().write(ApfCodec.encode(new Disconnect(DisconnectReason.TOO_MANY_CONNECTIONS)));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                log.debug("refusal not delivered: {}", e.getMessage());
            } finally {
                closeQuietly(plain);
                refusals.remove(plain);
            }
            log.info("CIRA {} refused: {} ({} connections)", plain.getRemoteSocketAddress(),
                    DisconnectReason.TOO_MANY_CONNECTIONS, settings.maxConnections());
            events.publish(new CiraEvent.Disconnected(Instant.now(), plain.getRemoteSocketAddress(), null,
                    DisconnectReason.TOO_MANY_CONNECTIONS, "listener full"));
        });
    }

    /** Times sessions and refusals out until closed; no failure, nor an Error, ends the loop. */
    private void watchdogLoop() {
        Duration shortest = settings.handshakeDeadline().compareTo(settings.idleTimeout()) < 0
                ? settings.handshakeDeadline() : settings.idleTimeout();
        Duration writes = settings.peerLimits().writeTimeout();
        shortest = writes.compareTo(shortest) < 0 ? writes : shortest;
        Duration period = shortest.dividedBy(4);
        if (period.compareTo(MAX_WATCHDOG_PERIOD) > 0) {
            period = MAX_WATCHDOG_PERIOD;
        }
        while (!closed) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            try {
                sweep(System.nanoTime());
            } catch (Throwable e) {
                log.error("CIRA watchdog: a sweep failed; still watching", e);
            }
        }
    }

    private void sweep(long now) {
        for (CiraSession session : sessions) {
            try {
                session.checkTimeouts(now);
            } catch (Throwable e) {
                log.error("CIRA watchdog: checking {} failed; closing it", session, e);
                session.forceClose("listener error: " + e);
            }
        }
        refusals.forEach((socket, deadline) -> {
            if (now - deadline > 0) {
                closeQuietly(socket);
                refusals.remove(socket);
            }
        });
    }

    /**
     * Stops accepting and disconnects every device: each session may say DISCONNECT within the close
     * grace; whatever is still open then is closed at the TCP level. Returns once every socket is closed.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        List<CiraSession> open = List.copyOf(sessions);
        for (CiraSession session : open) {
            session.dropLater(DisconnectReason.BY_APPLICATION, "listener stopped");
        }
        long deadline = System.nanoTime() + settings.peerLimits().closeGrace().toNanos();
        while (!sessions.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (CiraSession session : List.copyOf(sessions)) {
            session.forceClose("listener stopped");
        }
        refusals.keySet().forEach(CiraListener::closeQuietly);
        refusals.clear();
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("close failed: {}", e.getMessage());
        }
    }

    private static void pauseAfterFailure() {
        try {
            Thread.sleep(ACCEPT_FAILURE_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
