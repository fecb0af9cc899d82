package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RfbInput;
import java.io.IOException;

/** TRLE reads its tiles straight from the connection, never past what the tile needs. */
final class StreamSource extends ByteSource {
    private RfbInput in;

    StreamSource() {
        // largest single take: a raw 16×16 tile at 4 bytes
        buf = new byte[16 * 16 * 4];
    }

    StreamSource on(RfbInput input) {
        this.in = input;
        pos = 0;
        limit = 0;
        return this;
    }

    @Override
    void fill(int n) throws IOException {
        int rest = limit - pos;
        System.arraycopy(buf, pos, buf, 0, rest);
        in.readFully(buf, rest, n - rest);
        pos = 0;
        limit = n;
    }
}
