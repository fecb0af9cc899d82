package dev.outband.simulator.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Serves one connection to a virtual device port. The bytes may come from a TCP socket or from a
 * CIRA channel inside the simulator, so a handler sees only the two streams.
 */
@FunctionalInterface
public interface ConnectionHandler {
    /** Blocks until the conversation ends; the caller closes the streams afterwards. */
    void serve(InputStream in, OutputStream out) throws IOException;
}
