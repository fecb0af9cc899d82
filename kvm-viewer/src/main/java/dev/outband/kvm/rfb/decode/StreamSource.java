package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.RfbInput;
import java.io.IOException;

/** TRLE reads its tiles straight from the connection. */
final class StreamSource extends ByteSource {
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
    void read(byte[] dst, int off, int len) throws IOException {
        in.readFully(dst, off, len);
    }
}
