package dev.outband.kvm.rfb;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Buffered big-endian reader for RFB; counts bytes for the bandwidth figure. Not thread-safe. */
public final class RfbInput {
    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private long total;

    public RfbInput(InputStream in) {
        this.in = in;
    }

    /** Bytes consumed from the stream so far. */
    public long bytesRead() {
        return total - (limit - pos);
    }

    private void fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            throw new EOFException("connection closed by the server");
        }
        pos = 0;
        limit = n;
        total += n;
    }

    public int u8() throws IOException {
        if (pos == limit) {
            fill();
        }
        return buf[pos++] & 0xFF;
    }

    public int u16() throws IOException {
        return (u8() << 8) | u8();
    }

    public int s32() throws IOException {
        return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
    }

    /** Unsigned 32-bit value, kept in a long so huge lengths stay huge. */
    public long u32() throws IOException {
        return s32() & 0xFFFFFFFFL;
    }

    public void readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            if (pos == limit) {
                if (len >= buf.length) {
                    int n = in.read(dst, off, len);
                    if (n < 0) {
                        throw new EOFException("connection closed by the server");
                    }
                    total += n;
                    off += n;
                    len -= n;
                    continue;
                }
                fill();
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    public byte[] readBytes(int len) throws IOException {
        byte[] b = new byte[len];
        readFully(b, 0, len);
        return b;
    }

    public void skip(int len) throws IOException {
        while (len > 0) {
            if (pos == limit) {
                fill();
            }
            int n = Math.min(len, limit - pos);
            pos += n;
            len -= n;
        }
    }
}
