package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RfbInput;
import java.io.IOException;

/** TRLE reads its tiles straight from the connection. */
final class StreamSource extends ByteSource {
    /** Largest single take: a raw 16×16 tile at 4 bytes, or a 127-colour palette. */
    private final byte[] buf = new byte[16 * 16 * 4];
    private RfbInput in;

    StreamSource on(RfbInput input) {
        this.in = input;
        return this;
    }

    @Override
    int u8() throws IOException {
        return in.u8();
    }

    @Override
    int take(int n) throws IOException {
        in.readFully(buf, 0, n);
        return 0;
    }

    @Override
    byte[] array() {
        return buf;
    }
}
