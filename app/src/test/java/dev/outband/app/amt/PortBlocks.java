package dev.outband.app.amt;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Starts a server that needs a run of consecutive loopback ports, retrying a bounded number of times. */
public final class PortBlocks {
    private static final int ATTEMPTS = 20;

    @FunctionalInterface
    public interface Starter<T> {
        T start(int firstPort) throws IOException;
    }

    private PortBlocks() {
    }

    /** {@code starter} with a first port the system just handed out; another on a clash, at most 20 times. */
    public static <T> T start(Starter<T> starter) throws IOException {
        BindException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            int first;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                first = probe.getLocalPort();
            }
            if (first > 65_000) {
                continue;
            }
            try {
                return starter.start(first);
            } catch (BindException e) {
                last = e;
            }
        }
        throw last == null ? new BindException("no run of free ports found") : last;
    }
}
