package dev.outband.kvm.rfb.decode;

import java.io.IOException;

/** Where tile bytes come from: the socket for TRLE, the connection's inflater for ZRLE. */
abstract class ByteSource {
    abstract int u8() throws IOException;

    abstract void read(byte[] dst, int off, int len) throws IOException;
}
