package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RfbProtocolException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One ZRLE rectangle's bytes, inflated in one go from the connection's single zlib stream, then
 * parsed from a plain array (no per-byte refill checks in the tile loops).
 */
final class InflaterSource extends ByteSource implements AutoCloseable {
    private final Inflater inflater = new Inflater();

    InflaterSource() {
        buf = new byte[64 * 1024];
    }

    /**
     * Inflates one rectangle's compressed bytes; {@code maxBytes} is the most its tiles can need. A
     * stream that already ended may restart with a new zlib header.
     */
    void begin(byte[] data, int len, long maxBytes) throws RfbProtocolException {
        if (inflater.finished() && len >= 2 && isZlibHeader(data[0], data[1])) {
            inflater.reset();
        }
        inflater.setInput(data, 0, len);
        pos = 0;
        limit = 0;
        try {
            while (true) {
                if (limit == buf.length) {
                    if (buf.length >= maxBytes) {
                        throw new RfbProtocolException("ZRLE rectangle inflates to more than its tiles can hold ("
                                + maxBytes + " bytes)");
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
                }
                int n = inflater.inflate(buf, limit, buf.length - limit);
                limit += n;
                if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                    break;
                }
                if (n == 0 && inflater.needsDictionary()) {
                    throw new RfbProtocolException("ZRLE zlib stream asks for a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw new RfbProtocolException("corrupt ZRLE zlib data: " + e.getMessage(), e);
        }
    }

    private static boolean isZlibHeader(byte b0, byte b1) {
        int cmf = b0 & 0xFF;
        int flg = b1 & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf * 256 + flg) % 31 == 0;
    }

    /** Checks that the rectangle's tiles used every inflated byte. */
    void end() throws RfbProtocolException {
        if (pos != limit) {
            throw new RfbProtocolException("ZRLE rectangle carries " + (limit - pos) + " bytes after its last tile");
        }
    }

    private static RfbProtocolException truncated() {
        return new RfbProtocolException("ZRLE data ended inside a tile (truncated zlib stream)");
    }

    @Override
    void fill(int n) throws RfbProtocolException {
        throw truncated();
    }

    @Override
    public void close() {
        inflater.end();
    }
}
