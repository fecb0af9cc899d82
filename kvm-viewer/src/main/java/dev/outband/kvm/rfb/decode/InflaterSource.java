package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RfbProtocolException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Decompressed bytes of one ZRLE rectangle, pulled from the connection's single zlib stream. */
final class InflaterSource extends ByteSource implements AutoCloseable {
    private final Inflater inflater = new Inflater();
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;

    /** Feeds one rectangle's compressed bytes; a stream that already ended may restart with a new header. */
    void begin(byte[] data, int len) {
        if (inflater.finished() && len >= 2 && isZlibHeader(data[0], data[1])) {
            inflater.reset();
        }
        inflater.setInput(data, 0, len);
        pos = 0;
        limit = 0;
    }

    private static boolean isZlibHeader(byte b0, byte b1) {
        int cmf = b0 & 0xFF;
        int flg = b1 & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf * 256 + flg) % 31 == 0;
    }

    /** Checks that the rectangle's tiles used every decompressed byte. */
    void end() throws RfbProtocolException {
        long extra = limit - pos;
        pos = limit = 0;
        while (true) {
            int n = inflate();
            if (n == 0) {
                break;
            }
            extra += n;
        }
        if (extra > 0) {
            throw new RfbProtocolException("ZRLE rectangle carries " + extra + " bytes after its last tile");
        }
    }

    private int inflate() throws RfbProtocolException {
        try {
            return inflater.inflate(buf, 0, buf.length);
        } catch (DataFormatException e) {
            throw new RfbProtocolException("corrupt ZRLE zlib data: " + e.getMessage(), e);
        }
    }

    private void refill() throws RfbProtocolException {
        int n = inflate();
        if (n == 0) {
            if (inflater.needsDictionary()) {
                throw new RfbProtocolException("ZRLE zlib stream asks for a preset dictionary");
            }
            throw new RfbProtocolException("ZRLE data ended inside a tile (truncated zlib stream)");
        }
        pos = 0;
        limit = n;
    }

    @Override
    int u8() throws RfbProtocolException {
        if (pos == limit) {
            refill();
        }
        return buf[pos++] & 0xFF;
    }

    @Override
    void read(byte[] dst, int off, int len) throws RfbProtocolException {
        while (len > 0) {
            if (pos == limit) {
                refill();
            }
            int n = Math.min(len, limit - pos);
            System.arraycopy(buf, pos, dst, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void close() {
        inflater.end();
    }
}
