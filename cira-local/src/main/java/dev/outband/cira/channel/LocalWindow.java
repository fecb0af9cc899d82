package dev.outband.cira.channel;

import dev.outband.cira.apf.ApfProtocolException;

/**
 * How many bytes the peer may still send us on a channel. Arriving data consumes it; bytes the
 * application has read are granted back in one WINDOW_ADJUST once half the window has been read,
 * so a slow reader stops a fast sender without a flood of small adjustments.
 */
public final class LocalWindow {
    private final long size;
    private long remaining;
    private long readSinceGrant;

    public LocalWindow(long size) {
        if (size <= 0 || size > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("window size " + size);
        }
        this.size = size;
        this.remaining = size;
    }

    public long size() {
        return size;
    }

    public synchronized long remaining() {
        return remaining;
    }

    /** Data arrived; more than the window allows is a protocol error by the peer. */
    public synchronized void consume(long bytes) throws ApfProtocolException {
        if (bytes > remaining) {
            throw new ApfProtocolException("peer sent " + bytes + " bytes with only " + remaining + " of window left");
        }
        remaining -= bytes;
    }

    /**
     * The application read {@code bytes}.
     *
     * @return the credit to send in a WINDOW_ADJUST now, or 0 while less than half the window is read
     */
    public synchronized long expand(long bytes) {
        readSinceGrant += bytes;
        if (readSinceGrant < size / 2) {
            return 0;
        }
        long grant = readSinceGrant;
        readSinceGrant = 0;
        remaining += grant;
        return grant;
    }
}
