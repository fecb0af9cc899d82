package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.simulator.net.LoopbackAcceptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A device's ports on loopback: WS-Man over HTTP (16992-like), the KVM redirection port (16994-like)
 * and, when given a TLS factory, both over TLS (16993-like and 16995-like).
 */
public final class DevicePorts implements AutoCloseable {
    private final LoopbackAcceptor http;
    private final LoopbackAcceptor tls;
    private final LoopbackAcceptor kvm;
    private final LoopbackAcceptor kvmTls;

    private DevicePorts(LoopbackAcceptor http, LoopbackAcceptor tls, LoopbackAcceptor kvm, LoopbackAcceptor kvmTls) {
        this.http = http;
        this.tls = tls;
        this.kvm = kvm;
        this.kvmTls = kvmTls;
    }

    /** Port 0 picks a free port; {@code tlsFactory} null means no TLS port. */
    public static DevicePorts open(VirtualDevice device, int httpPort, int tlsPort, SSLServerSocketFactory tlsFactory)
            throws IOException {
        return open(device, httpPort, tlsPort, 0, tlsFactory);
    }

    public static DevicePorts open(VirtualDevice device, int httpPort, int tlsPort, int kvmPort,
            SSLServerSocketFactory tlsFactory) throws IOException {
        return open(device, httpPort, tlsPort, kvmPort, 0, tlsFactory);
    }

    public static DevicePorts open(VirtualDevice device, int httpPort, int tlsPort, int kvmPort, int kvmTlsPort,
            SSLServerSocketFactory tlsFactory) throws IOException {
        List<LoopbackAcceptor> opened = new ArrayList<>();
        try {
            LoopbackAcceptor kvm = add(opened, LoopbackAcceptor.start(device.name() + "-kvm", kvmPort,
                    DeviceScreen.redirectionServer(device)));
            LoopbackAcceptor http = add(opened,
                    LoopbackAcceptor.start(device.name() + "-wsman", httpPort, device.wsmanHandler()));
            if (tlsFactory == null) {
                return new DevicePorts(http, null, kvm, null);
            }
            LoopbackAcceptor tls = add(opened, LoopbackAcceptor.start(device.name() + "-wsman-tls", tlsPort,
                    tlsFactory, device.wsmanHandler()));
            LoopbackAcceptor kvmTls = add(opened, LoopbackAcceptor.start(device.name() + "-kvm-tls", kvmTlsPort,
                    tlsFactory, DeviceScreen.redirectionServer(device)));
            return new DevicePorts(http, tls, kvm, kvmTls);
        } catch (IOException e) {
            for (LoopbackAcceptor a : opened) {
                a.close();
            }
            throw e;
        }
    }

    private static LoopbackAcceptor add(List<LoopbackAcceptor> opened, LoopbackAcceptor acceptor) {
        opened.add(acceptor);
        return acceptor;
    }

    /** The KVM redirection port (plain, 16994-like). */
    public int kvmPort() {
        return kvm.port();
    }

    public int httpPort() {
        return http.port();
    }

    /** The KVM redirection port over TLS (16995-like), or -1 when no TLS factory was given. */
    public int kvmTlsPort() {
        return kvmTls == null ? -1 : kvmTls.port();
    }

    /** The TLS port, or -1 when none was opened. */
    public int tlsPort() {
        return tls == null ? -1 : tls.port();
    }

    @Override
    public void close() throws IOException {
        try (kvm; http; tls; kvmTls) {
            // Closes every acceptor even when one fails; the TLS ones are null when absent and skipped.
        }
    }
}
