package dev.outband.cira.listener;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one session's messages, one at a time, each under a deadline: the watchdog asks
 * {@link #overdue} and closes the TCP socket under a write that blocks too long, which fails that write.
 * Nothing that ends a session waits for this lock.
 */
final class SessionWriter {
    private static final Logger log = LoggerFactory.getLogger(SessionWriter.class);
    /** Small: a listener holds thousands of mostly idle sessions. */
    private static final int WRITE_BUFFER = 4 * 1024;

    private final ReentrantLock lock = new ReentrantLock();
    private final Socket tcp;
    private final long timeoutNanos;
    private OutputStream out;
    /** When the write in progress began; 0 while none is. */
    private volatile long blockedSinceNanos;

    SessionWriter(Socket tcp, long timeoutNanos) {
        this.tcp = tcp;
        this.timeoutNanos = timeoutNanos;
    }

    /** TLS is up: messages may flow. */
    void start(OutputStream tls) {
        lock.lock();
        try {
            out = new BufferedOutputStream(tls, WRITE_BUFFER);
        } finally {
            lock.unlock();
        }
    }

    void send(ApfMessage message) throws IOException {
        lock.lock();
        try {
            write(message);
        } finally {
            lock.unlock();
        }
    }

    /** Sends only when no other write is under way; a session's last words never queue behind a stuck one. */
    boolean trySend(ApfMessage message) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            write(message);
            return true;
        } catch (IOException e) {
            log.debug("{} not delivered: {}", message.type(), e.getMessage());
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void write(ApfMessage message) throws IOException {
        if (out == null) {
            throw new IOException("TLS not established");
        }
        blockedSinceNanos = System.nanoTime() | 1;
        try {
            ApfCodec.write(message, out);
            out.flush();
        } finally {
            blockedSinceNanos = 0;
        }
    }

    /** True when the write under way has blocked longer than the write timeout. */
    boolean overdue(long nowNanos) {
        long since = blockedSinceNanos;
        return since != 0 && nowNanos - since > timeoutNanos;
    }

    long timeoutMillis() {
        return timeoutNanos / 1_000_000;
    }

    /**
     * Says close_notify when no write is under way, under the same deadline as a write; then closes the
     * TCP socket. Not {@code SSLSocket.close()}: that first reads what the peer still sends, up to the
     * read timeout.
     */
    void close(SSLSocket tls) {
        if (lock.tryLock()) {
            blockedSinceNanos = System.nanoTime() | 1;
            try {
                tls.shutdownOutput();
            } catch (IOException e) {
                log.debug("TLS close: {}", e.getMessage());
            } finally {
                blockedSinceNanos = 0;
                lock.unlock();
            }
        }
        forceClose();
    }

    /** Closes the TCP socket at once; any write or read blocked on it fails. */
    void forceClose() {
        try {
            tcp.close();
        } catch (IOException e) {
            log.debug("TCP close: {}", e.getMessage());
        }
    }
}
