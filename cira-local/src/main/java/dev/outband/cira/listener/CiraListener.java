package dev.outband.cira.listener;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.apf.ApfMessage.Disconnect;
import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEventListener;
import dev.outband.cira.events.CiraEvents;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
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
import javax.net.ssl.SSLServerSocket;
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

    private final ListenerSettings settings;
    private final CiraCredentialCheck credentialCheck;
    private final SSLServerSocket server;
    private final CiraEvents events = new CiraEvents();
    private final Set<CiraSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<DeviceUuid, CiraSession> devices = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private CiraListener(ListenerSettings settings, CiraCredentialCheck credentialCheck, SSLServerSocket server) {
        this.settings = settings;
        this.credentialCheck = credentialCheck;
        this.server = server;
    }

    /** Binds the port and starts accepting devices. */
    public static CiraListener start(ListenerSettings settings, ServerIdentity identity,
                                     CiraCredentialCheck credentialCheck) throws IOException {
        Objects.requireNonNull(credentialCheck);
        SSLServerSocket server;
        try {
            server = ListenerTls.bind(settings, identity);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS for the CIRA listener: " + e.getMessage(), e);
        }
        CiraListener listener = new CiraListener(settings, credentialCheck, server);
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

    Optional<CiraSession> session(DeviceUuid uuid) {
        return Optional.ofNullable(devices.get(uuid));
    }

    /** A newly authenticated session replaces an older one of the same device. */
    void register(CiraSession session) {
        CiraSession previous = devices.put(session.uuid(), session);
        if (previous != null && previous != session) {
            previous.drop(DisconnectReason.BY_APPLICATION, "replaced by a newer connection from " + session.remote());
        }
    }

    void unregister(CiraSession session) {
        sessions.remove(session);
        if (session.uuid() != null) {
            devices.remove(session.uuid(), session);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                if (sessions.size() >= settings.maxConnections()) {
                    Thread.ofVirtual().name("cira-refuse").start(() -> refuse((SSLSocket) socket));
                    continue;
                }
                CiraSession session = new CiraSession((SSLSocket) socket, this);
                sessions.add(session);
                Thread.ofVirtual().name("cira-session").start(session::run);
            } catch (SocketException e) {
                if (!closed) {
                    log.warn("CIRA listener stopped accepting: {}", e.getMessage());
                }
                return;
            } catch (IOException e) {
                log.warn("CIRA accept failed: {}", e.getMessage());
            }
        }
    }

    private void refuse(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout((int) settings.handshakeDeadline().toMillis());
            socket.getOutputStream().write(ApfCodec.encode(new Disconnect(DisconnectReason.TOO_MANY_CONNECTIONS)));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            log.debug("refusal not delivered: {}", e.getMessage());
        }
        log.info("CIRA {} refused: {} ({} connections)", socket.getRemoteSocketAddress(),
                DisconnectReason.TOO_MANY_CONNECTIONS, settings.maxConnections());
        events.publish(new CiraEvent.Disconnected(Instant.now(), socket.getRemoteSocketAddress(), null,
                DisconnectReason.TOO_MANY_CONNECTIONS, "listener full"));
    }

    private void watchdogLoop() {
        Duration shortest = settings.handshakeDeadline().compareTo(settings.idleTimeout()) < 0
                ? settings.handshakeDeadline() : settings.idleTimeout();
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
            long now = System.nanoTime();
            for (CiraSession session : sessions) {
                session.checkTimeouts(now);
            }
        }
    }

    /** Stops accepting and disconnects every device. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing the server socket: {}", e.getMessage());
        }
        for (CiraSession session : List.copyOf(sessions)) {
            session.drop(DisconnectReason.BY_APPLICATION, "listener stopped");
        }
    }
}
