package dev.outband.simulator.wsman;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.simulator.net.ConnectionHandler;
import dev.outband.simulator.net.LoopbackAcceptor;
import dev.outband.wsman.discovery.PresencePing;
import dev.outband.wsman.discovery.PresencePong;
import dev.outband.wsman.discovery.ProvisioningState;
import java.io.FilterInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A device's ports on loopback: WS-Man over HTTP (16992-like), the KVM redirection port (16994-like) and both
 * over TLS (16993-like and 16995-like). Given a TLS factory, the TLS ports serve that fixed identity; without
 * one they serve what the device's own TLS set-up committed (no handshake succeeds before), and the plain ports
 * close connections once committed TLS no longer accepts non-secure ones.
 */
public final class DevicePorts implements AutoCloseable {
    private final LoopbackAcceptor http;
    private final LoopbackAcceptor tls;
    private final LoopbackAcceptor kvm;
    private final LoopbackAcceptor kvmTls;
    private final VirtualDevice device;
    private final boolean fixedTls;

    private DevicePorts(LoopbackAcceptor http, LoopbackAcceptor tls, LoopbackAcceptor kvm, LoopbackAcceptor kvmTls,
            VirtualDevice device, boolean fixedTls) {
        this.http = http;
        this.tls = tls;
        this.kvm = kvm;
        this.kvmTls = kvmTls;
        this.device = device;
        this.fixedTls = fixedTls;
    }

    /** Port 0 picks a free port; {@code tlsFactory} null means TLS as the device's own set-up has it. */
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
        return open(device, InetAddress.getLoopbackAddress(), httpPort, tlsPort, kvmPort, kvmTlsPort, tlsFactory);
    }

    /** The device's ports on its own loopback address (127.0.0.0/8 is all local on Linux: no set-up, no root). */
    public static DevicePorts open(VirtualDevice device, InetAddress address, int httpPort, int tlsPort, int kvmPort,
            int kvmTlsPort, SSLServerSocketFactory tlsFactory) throws IOException {
        List<LoopbackAcceptor> opened = new ArrayList<>();
        try {
            LoopbackAcceptor kvm = add(opened, LoopbackAcceptor.start(device.name() + "-kvm", address, kvmPort,
                    nonSecure(device, DeviceScreen.redirectionServer(device))));
            LoopbackAcceptor http = add(opened, LoopbackAcceptor.start(device.name() + "-wsman", address, httpPort,
                    nonSecure(device, device.wsmanHandler())));
            SSLServerSocketFactory secure = tlsFactory != null ? tlsFactory
                    : device.tls().sslContext().getServerSocketFactory();
            LoopbackAcceptor tls = add(opened, LoopbackAcceptor.start(device.name() + "-wsman-tls", address, tlsPort,
                    secure, device.wsmanHandler()));
            LoopbackAcceptor kvmTls = add(opened, LoopbackAcceptor.start(device.name() + "-kvm-tls", address, kvmTlsPort,
                    secure, DeviceScreen.redirectionServer(device)));
            return new DevicePorts(http, tls, kvm, kvmTls, device, tlsFactory != null);
        } catch (IOException e) {
            for (LoopbackAcceptor a : opened) {
                a.close();
            }
            throw e;
        }
    }

    /**
     * A plain port as AMT keeps it: once committed TLS refuses non-secure connections, new ones are closed at
     * once and open ones end at their next read (after the reply in flight, e.g. CommitChanges' own).
     */
    private static ConnectionHandler nonSecure(VirtualDevice device, ConnectionHandler handler) {
        return (in, out) -> {
            if (device.tls().acceptsNonSecureConnections()) {
                handler.serve(new FilterInputStream(in) {
                    @Override
                    public int read() throws IOException {
                        return device.tls().acceptsNonSecureConnections() ? super.read() : -1;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        return device.tls().acceptsNonSecureConnections() ? super.read(b, off, len) : -1;
                    }
                }, out);
            }
        };
    }

    private static LoopbackAcceptor add(List<LoopbackAcceptor> opened, LoopbackAcceptor acceptor) {
        opened.add(acceptor);
        return acceptor;
    }

    /** The KVM redirection port (plain, 16994-like). */
    public int kvmPort() {
        return kvm.port();
    }

    /** The loopback address every port of the device listens on. */
    public InetAddress address() {
        return http.address();
    }

    public int httpPort() {
        return http.port();
    }

    /** The KVM redirection port over TLS (16995-like). */
    public int kvmTlsPort() {
        return kvmTls.port();
    }

    /** The WS-Man TLS port (16993-like). */
    public int tlsPort() {
        return tls.port();
    }

    /**
     * The presence pong this device sends now: Intel's IANA, the open port (the plain one while it accepts
     * connections, else the TLS one), both-ports bit when TLS is served too, the version's nibbles (a major of 16
     * or more does not fit, as on AMT), the provisioning state, ASF 1.0 and bit 5 of the interactions, which
     * MeshCommander requires.
     */
    public PresencePong pong(PresencePing ping) {
        boolean plain = device.tls().acceptsNonSecureConnections();
        boolean secure = fixedTls || device.tls().active().isPresent();
        DeviceConfig config = device.config();
        return new PresencePong(ping.tag(), PresencePong.INTEL_IANA, plain ? httpPort() : tlsPort(),
                config.amtMajor() & 0xF, config.amtMinor() & 0xF,
                ProvisioningState.fromBits(device.provisioning().provisioningState()), plain && secure, 0x01, 0x20);
    }

    @Override
    public void close() throws IOException {
        try (kvm; http; tls; kvmTls) {
            // Closes every acceptor even when one fails.
        }
    }
}
