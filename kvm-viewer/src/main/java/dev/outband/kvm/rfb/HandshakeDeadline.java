package dev.outband.kvm.rfb;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds a handshake on any transport, so a peer that accepts and then stays silent, or trickles, cannot hold
 * the caller: a socket also gets a read timeout for the duration, and every transport is closed when the
 * deadline passes, which ends a blocked read on a socket, a TLS layer or a tunnel channel alike.
 */
public final class HandshakeDeadline {
    /** The handshake itself. */
    @FunctionalInterface
    public interface Step<T> {
        T run() throws IOException;
    }

    private HandshakeDeadline() {}

    /**
     * Runs {@code step} within {@code limit}; on overrun the transport is closed and the failure says
     * "{@code what} within N s".
     */
    public static <T> T run(Closeable transport, Duration limit, String what, Step<T> step) throws IOException {
        if (!limit.isPositive()) {
            throw new SocketTimeoutException(what + ": no time was left for it");
        }
        AtomicBoolean expired = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("handshake-deadline").start(() -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException finishedInTime) {
                return;
            }
            expired.set(true);
            try {
                transport.close();
            } catch (IOException ignored) {
                // Closing is all that is left to do; the handshake reports the timeout.
            }
        });
        readTimeout(transport, limit);
        try {
            T result = step.run();
            stop(watchdog);
            if (expired.get()) {
                throw overrun(what, limit, null);
            }
            readTimeout(transport, Duration.ZERO);
            return result;
        } catch (IOException e) {
            stop(watchdog);
            throw expired.get() || e instanceof SocketTimeoutException ? overrun(what, limit, e) : e;
        } catch (RuntimeException e) {
            stop(watchdog);
            throw e;
        }
    }

    private static SocketTimeoutException overrun(String what, Duration limit, IOException cause) {
        long tenths = Math.round(limit.toMillis() / 100.0);
        String span = tenths % 10 == 0 ? tenths / 10 + " s" : String.format(Locale.ROOT, "%.1f s", tenths / 10.0);
        SocketTimeoutException e = new SocketTimeoutException(what + " within " + span);
        e.initCause(cause);
        return e;
    }

    private static void stop(Thread watchdog) throws InterruptedIOException {
        watchdog.interrupt();
        try {
            watchdog.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the handshake");
        }
    }

    /** Zero clears it: once running, a session may rightly wait long for the next update. */
    private static void readTimeout(Closeable transport, Duration timeout) {
        if (transport instanceof Socket socket) {
            try {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            } catch (SocketException e) {
                // A transport that has no read timeout still has the watchdog.
            }
        }
    }
}
