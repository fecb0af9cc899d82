package dev.outband.cira.channel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;

/** Our credit to send on a channel: granted by the peer's window and WINDOW_ADJUSTs. */
public final class RemoteWindow {
    /** Credit is an unsigned 32-bit quantity in APF; more than that is clamped, as SSH does. */
    private static final long MAX_CREDIT = 0xFFFFFFFFL;

    private long available;
    private boolean closed;

    public RemoteWindow(long initial) {
        this.available = Math.min(initial, MAX_CREDIT);
    }

    public synchronized long available() {
        return available;
    }

    public synchronized void expand(long bytes) {
        available = Math.min(MAX_CREDIT, available + bytes);
        notifyAll();
    }

    /**
     * Waits until some credit exists, then takes up to {@code wanted} bytes of it.
     *
     * @param timeoutMillis 0 waits without limit
     * @return the bytes that may be sent now, at least 1
     */
    public synchronized int consume(int wanted, long timeoutMillis) throws IOException {
        long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
        while (available == 0 && !closed) {
            try {
                if (deadline == 0) {
                    wait();
                } else {
                    long left = (deadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        throw new SocketTimeoutException("no window credit from the peer within " + timeoutMillis + " ms");
                    }
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for window credit");
            }
        }
        if (closed) {
            throw new IOException("channel closed");
        }
        int granted = (int) Math.min(wanted, available);
        available -= granted;
        return granted;
    }

    /** Wakes every waiting writer with an error: the channel is gone. */
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
