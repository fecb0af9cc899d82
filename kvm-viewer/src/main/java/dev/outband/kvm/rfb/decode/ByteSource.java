package dev.outband.kvm.rfb.decode;

import java.io.IOException;

/**
 * Where tile bytes come from: the socket for TRLE, a rectangle's inflated bytes for ZRLE. The
 * window {@code buf[pos..limit)} lives here so the per-byte read is a final, inlinable method;
 * {@link #take} returns the offset of {@code n} bytes in {@link #array()} so pixels convert in place.
 */
abstract class ByteSource {
    protected byte[] buf;
    protected int pos;
    protected int limit;

    /** Makes at least {@code n} bytes available from {@code pos}, or throws. */
    abstract void fill(int n) throws IOException;

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
