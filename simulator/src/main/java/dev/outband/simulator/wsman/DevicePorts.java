package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.net.LoopbackAcceptor;
import java.io.IOException;
import javax.net.ssl.SSLServerSocketFactory;

/** A device's WS-Man ports on loopback: HTTP (16992-like) and, when given a factory, TLS (16993-like). */
public final class DevicePorts implements AutoCloseable {
    private final LoopbackAcceptor http;
    private final LoopbackAcceptor tls;

    private DevicePorts(LoopbackAcceptor http, LoopbackAcceptor tls) {
        this.http = http;
        this.tls = tls;
    }

    /** Port 0 picks a free port; {@code tlsFactory} null means no TLS port. */
    public static DevicePorts open(VirtualDevice device, int httpPort, int tlsPort, SSLServerSocketFactory tlsFactory)
            throws IOException {
        LoopbackAcceptor http = LoopbackAcceptor.start(device.name() + "-wsman", httpPort, device.wsmanHandler());
        if (tlsFactory == null) {
            return new DevicePorts(http, null);
        }
        try {
            return new DevicePorts(http, LoopbackAcceptor.start(device.name() + "-wsman-tls", tlsPort, tlsFactory,
                    device.wsmanHandler()));
        } catch (IOException e) {
            http.close();
            throw e;
        }
    }

    public int httpPort() {
        return http.port();
    }

    /** The TLS port, or -1 when none was opened. */
    public int tlsPort() {
        return tls == null ? -1 : tls.port();
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            if (tls != null) {
                tls.close();
            }
        }
    }
}
