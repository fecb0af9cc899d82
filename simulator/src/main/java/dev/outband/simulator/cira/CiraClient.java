package dev.outband.simulator.cira;

import dev.outband.cira.apf.DisconnectReason;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CIRA side of the virtual device: keeps a connection to a listener, reconnecting with backoff
 * when it drops, and serves channels to its forwarded ports with in-process handlers.
 */
public final class CiraClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CiraClient.class);

    private final CiraClientSettings settings;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread runner;
    private volatile CiraConnection current;
    private volatile DisconnectReason lastDisconnect;
    private volatile boolean stopped;

    private CiraClient(CiraClientSettings settings) {
        this.settings = settings;
        this.runner = Thread.ofVirtual().name("cira-client-" + settings.uuid()).unstarted(this::run);
    }

    /** Starts connecting in the background. */
    public static CiraClient start(CiraClientSettings settings) {
        CiraClient client = new CiraClient(settings);
        client.runner.start();
        return client;
    }

    /** Waits until the device's ports are forwarded on a live connection. */
    public boolean awaitForwarding(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            CiraConnection connection = current;
            if (connection != null && connection.awaitForwarding(Duration.ofNanos(deadline - System.nanoTime()))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    public boolean isForwarding() {
        CiraConnection connection = current;
        return connection != null && connection.isForwarding();
    }

    /** How many TLS connections this client has made so far. */
    public int connectionCount() {
        return connections.get();
    }

    /** Why the listener last ended a connection, as told by its DISCONNECT; null if it never did. */
    public DisconnectReason lastDisconnectReason() {
        return lastDisconnect;
    }

    /** Pulls the cable: the connection dies without a DISCONNECT and the client reconnects. */
    public void dropConnection() {
        CiraConnection connection = current;
        if (connection != null) {
            connection.abort();
        }
    }

    private void run() {
        int failures = 0;
        while (!stopped) {
            CiraConnection connection = new CiraConnection(settings);
            current = connection;
            connections.incrementAndGet();
            try {
                connection.run();
            } catch (IOException e) {
                log.debug("{}: connection ended: {}", settings.uuid(), e.getMessage());
            }
            if (connection.disconnectReason() != null) {
                lastDisconnect = connection.disconnectReason();
            }
            failures = connection.reachedForwarding() ? 0 : failures + 1;
            if (!stopped && !sleepBeforeRetry(failures)) {
                return;
            }
        }
    }

    private boolean sleepBeforeRetry(int failures) {
        long min = settings.reconnectMin().toMillis();
        long backoff = Math.min(settings.reconnectMax().toMillis(), min << Math.min(failures, 16));
        // Jitter spreads a lab's reconnects after the listener restarts.
        long wait = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Disconnects (with DISCONNECT by application) and stops reconnecting. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        CiraConnection connection = current;
        if (connection != null) {
            connection.disconnect();
        }
        runner.interrupt();
        runner.join(Duration.ofSeconds(5));
    }
}
