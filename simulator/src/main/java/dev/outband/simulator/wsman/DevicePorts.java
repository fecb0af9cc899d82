package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.simulator.net.LoopbackAcceptor;
import java.io.IOException;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A device's ports on loopback: WS-Man over HTTP (16992-like) and, when given a factory, TLS
 * (16993-like), and the KVM redirection port (16994-like).
 */
public final class DevicePorts implements AutoCloseable {
    private final LoopbackAcceptor http;
    private final LoopbackAcceptor tls;
    private final LoopbackAcceptor kvm;

    private DevicePorts(LoopbackAcceptor http, LoopbackAcceptor tls, LoopbackAcceptor kvm) {
        this.http = http;
        this.tls = tls;
        this.kvm = kvm;
    }

    /** Port 0 picks a free port; {@code tlsFactory} null means no TLS port. */
    public static DevicePorts open(VirtualDevice device, int httpPort, int tlsPort, SSLServerSocketFactory tlsFactory)
            throws IOException {
        return open(device, httpPort, tlsPort, 0, tlsFactory);
    }

    public static DevicePorts open(VirtualDevice device, int httpPort, int tlsPort, int kvmPort,
            SSLServerSocketFactory tlsFactory) throws IOException {
        LoopbackAcceptor kvm = LoopbackAcceptor.start(device.name() + "-kvm", kvmPort,
                DeviceScreen.redirectionServer(device));
        LoopbackAcceptor http = null;
        try {
            http = LoopbackAcceptor.start(device.name() + "-wsman", httpPort, device.wsmanHandler());
            LoopbackAcceptor tls = tlsFactory == null ? null
                    : LoopbackAcceptor.start(device.name() + "-wsman-tls", tlsPort, tlsFactory, device.wsmanHandler());
            return new DevicePorts(http, tls, kvm);
        } catch (IOException e) {
            kvm.close();
            if (http != null) {
                http.close();
            }
            throw e;
        }
    }

    /** The KVM redirection port (plain, 16994-like). */
    public int kvmPort() {
        return kvm.port();
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
        try (kvm; http) {
            if (tls != null) {
                tls.close();
            }
        }
    }
}
