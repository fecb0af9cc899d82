package dev.outband.kvm.rfb.decode;

import java.io.IOException;

/**
 * Where tile bytes come from: the socket for TRLE, a rectangle's inflated bytes for ZRLE. The
 * window {@code buf[pos..limit)} lives here so the per-byte read is a final, inlinable method;
 * {@link #take} returns the offset of {@code n} bytes in {@link #array()} so pixels convert in place.
 * Hot loops read {@code buf} directly and call {@link #more} only when the window runs out.
 */
abstract class ByteSource {
    protected byte[] buf;
    protected int pos;
    protected int limit;

    /**
     * Makes at least {@code n} bytes available from {@code pos}, or throws. It may move the
     * unread bytes within {@code buf} but never replaces the array.
     */
    abstract void fill(int n) throws IOException;

    /**
     * For loops that keep the read position in a local: makes {@code n} bytes available from
     * {@code at} and returns their new position ({@link #limit} may have changed too).
     */
    final int more(int at, int n) throws IOException {
        pos = at;
        fill(n);
        return pos;
    }

    final int u8() throws IOException {
        if (pos >= limit) {
            fill(1);
        }
        return buf[pos++] & 0xFF;
    }

    final int take(int n) throws IOException {
        if (limit - pos < n) {
            fill(n);
        }
        int at = pos;
        pos = at + n;
        return at;
    }

    final byte[] array() {
        return buf;
    }
}
