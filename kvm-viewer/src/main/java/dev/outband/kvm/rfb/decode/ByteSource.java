package dev.outband.kvm.rfb.decode;

import java.io.IOException;

/**
 * Where tile bytes come from: the socket for TRLE, a rectangle's inflated bytes for ZRLE.
 * {@link #take} makes {@code n} bytes available in {@link #array()} and returns their offset,
 * so pixels are converted in place without a copy.
 */
abstract class ByteSource {
    abstract int u8() throws IOException;

    abstract int take(int n) throws IOException;

    abstract byte[] array();
}
