package dev.outband.app.amt;

import dev.outband.app.store.Device;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.LegacyTls;
import dev.outband.wsman.tls.TrustFailure;
import dev.outband.wsman.tls.TrustPolicy;
import dev.outband.kvm.ider.AtapiResponder;
import dev.outband.kvm.ider.IderConnector;
import dev.outband.kvm.ider.IderSession;
import dev.outband.kvm.ider.IderSettings;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.AmtSolConnector;
import dev.outband.kvm.sol.SolSession;
import dev.outband.kvm.sol.SolSettings;
import dev.outband.kvm.session.TlsSocketFactory;
import java.io.IOException;
import java.time.Duration;
import javax.net.SocketFactory;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.security.cert.X509Certificate;
import java.util.List;

/** How a stored device is reached: its address, ports, credentials and TLS trust, for WS-Man and KVM. */
public final class DeviceConnections {
    /** Which ports a device answers on: AMT's own by default; tests point at a simulator. */
    @FunctionalInterface
    public interface Ports {
        int wsman(Device device);

        default int kvm(Device device) {
            return device.tls() == TlsMode.NONE ? AmtKvmConnector.PORT : AmtKvmConnector.TLS_PORT;
        }

        /** A plan for both: WS-Man and KVM ports chosen per device. */
        static Ports of(ToIntFunction<Device> wsman, ToIntFunction<Device> kvm) {
            return new Ports() {
                @Override
                public int wsman(Device device) {
                    return wsman.applyAsInt(device);
                }

                @Override
                public int kvm(Device device) {
                    return kvm.applyAsInt(device);
                }
            };
        }
    }

    /** How far above the WS-Man port AMT's redirection port is (16992/16994, 16993/16995). */
    private static final int KVM_OFFSET = AmtKvmConnector.PORT - DeviceEndpoint.HTTP_PORT;

    /** AMT's own ports, whatever a device stores: what a CIRA tunnel carries. */
    static final Ports AMT_OWN_PORTS =
            d -> d.tls() == TlsMode.NONE ? DeviceEndpoint.HTTP_PORT : DeviceEndpoint.TLS_PORT;

    /**
     * A device's own ports when it has them (a NAT port forward), else AMT's. A KVM port not set follows the
     * WS-Man port as AMT lays them out: two above it (16992 → 16994, 16993 → 16995).
     */
    public static final Ports AMT_PORTS = Ports.of(
            d -> d.wsmanPort() != null ? d.wsmanPort() : AMT_OWN_PORTS.wsman(d),
            d -> d.kvmPort() != null ? d.kvmPort()
                    : d.wsmanPort() != null ? d.wsmanPort() + KVM_OFFSET : AMT_OWN_PORTS.kvm(d));

    /** Roots trusted besides the JVM's for devices checked by chain and name: the lab CA's. */
    @FunctionalInterface
    public interface ExtraRoots {
        List<X509Certificate> get() throws IOException;
    }

    /** Devices that a remote MPS or DMT Console serves: the console reaches them through its REST API. */
    @FunctionalInterface
    public interface RemoteDevices {
        RemoteDevices NONE = device -> {
            throw new IOException(device.name() + " is served by a remote MPS that is not among this console's sources");
        };

        ManagedDevice open(Device device) throws IOException;
    }

    private final Ports ports;
    private final CiraTunnels tunnels;
    private final ExtraRoots extraRoots;
    private final RemoteDevices remote;

    public DeviceConnections(Ports ports) {
        this(ports, CiraTunnels.NONE);
    }

    /** With the lab listener that carries devices reached over CIRA. */
    public DeviceConnections(Ports ports, CiraTunnels tunnels) {
        this(ports, tunnels, List::of, RemoteDevices.NONE);
    }

    private DeviceConnections(Ports ports, CiraTunnels tunnels, ExtraRoots extraRoots, RemoteDevices remote) {
        this.ports = ports;
        this.tunnels = tunnels;
        this.extraRoots = extraRoots;
        this.remote = remote;
    }

    /** Whether the lab listener runs, so devices can call in. */
    public boolean listening() {
        return tunnels.running();
    }

    /** Whether the device with this UUID is connected to the lab listener now. */
    public boolean tunnelOpen(String uuid) {
        return tunnels.running() && tunnels.to(uuid).isPresent();
    }

    /** The same connections, also trusting {@code roots} (read on each connection, so a new lab root counts at once). */
    public DeviceConnections trusting(ExtraRoots roots) {
        return new DeviceConnections(ports, tunnels, roots, remote);
    }

    /** The same connections, reaching devices of remote sources through {@code devices}. */
    public DeviceConnections serving(RemoteDevices devices) {
        return new DeviceConnections(ports, tunnels, extraRoots, devices);
    }

    /** The device, however it is reached: WS-Man and the redirection protocol, or a remote source's API. */
    public ManagedDevice device(Device device) throws IOException {
        if (device.reach().kind() == Reach.Kind.MPS) {
            return remote.open(device);
        }
        return new WsmanDevice(client(device), timeout -> kvm(device, timeout), timeout -> sol(device, timeout));
    }

    public AmtClient client(Device device) throws IOException {
        Route route = route(device);
        DigestCredentials credentials = device.user() == null || device.password() == null ? null
                : new DigestCredentials(device.user(), device.password().reveal());
        int port = route.ports().wsman(device);
        DeviceEndpoint endpoint = device.tls() == TlsMode.NONE
                ? DeviceEndpoint.http(device.host(), port, credentials)
                : DeviceEndpoint.tls(device.host(), port, credentials, trust(device))
                        .withLegacyTls(LegacyTls.allowed());
        // Reached on first use, not when the console builds its window: OkHttp costs start-up time.
        return AmtClient.connect(HttpClients.shared(), endpoint.withSocketFactory(route.transport()),
                WsmanSettings.defaults());
    }

    private RfbSession kvm(Device device, Duration timeout) throws IOException {
        return redirect(device, (factory, port, credentials) -> AmtKvmConnector.open(factory, device.host(), port,
                credentials, AmtColourMode.AUTO, false, timeout));
    }

    private SolSession sol(Device device, Duration timeout) throws IOException {
        return redirect(device, (factory, port, credentials) -> AmtSolConnector.open(factory, device.host(), port,
                credentials, SolSettings.defaults(), timeout));
    }

    /** A session on the device's redirection port (16994/16995, or AMT's own through a tunnel). */
    @FunctionalInterface
    private interface Redirected<T> {
        T open(SocketFactory factory, int port, AmtCredentials credentials) throws IOException;
    }

    private <T> T redirect(Device device, Redirected<T> session) throws IOException {
        Route route = route(device);
        SocketFactory factory = redirectionTransport(device, route);
        try {
            return session.open(factory, route.ports().kvm(device), redirectionCredentials(device));
        } catch (IOException e) {
            throw explained(e);
        }
    }

    /**
     * An IDE-R session on the device's redirection port (directly or through its CIRA tunnel), OpenSession done,
     * serving {@code responder}'s drives once started.
     */
    public IderSession ider(Device device, AtapiResponder responder, IderSettings settings) throws IOException {
        return redirect(device, (factory, port, credentials) -> IderConnector.open(factory, device.host(), port,
                credentials, responder, settings));
    }

    private static AmtCredentials redirectionCredentials(Device device) throws IOException {
        if (device.user() == null || device.password() == null) {
            throw new IOException("No credentials found for " + device.name());
        }
        return new AmtCredentials(device.user(), device.password().reveal().toCharArray());
    }

    /** The redirection port shares the WS-Man port's TLS mode and trust. */
    private SocketFactory redirectionTransport(Device device, Route route) throws IOException {
        return device.tls() == TlsMode.NONE ? route.transport()
                : new TlsSocketFactory(route.transport(),
                        DeviceSslContext.create(trust(device), device.host()).getSocketFactory(),
                        LegacyTls.protocols());
    }

    /** The same words as WS-Man, so the console can offer to pin a certificate the redirection port refused. */
    private static IOException explained(IOException e) {
        Optional<TrustFailure> refused = TrustFailure.causing(e);
        if (refused.isPresent()) {
            return refused.get().toWsmanException();
        }
        Optional<String> handshake = LegacyTls.explainHandshake(e);
        return handshake.isPresent() ? new IOException(handshake.get(), e) : e;
    }

    private TrustPolicy trust(Device device) throws IOException {
        if (device.tls() == TlsMode.PINNED) {
            return new TrustPolicy.Pinned(device.pinnedSha256());
        }
        return SystemRoots.with(extraRoots.get());
    }

    /** How bytes reach a device's ports: TCP to its host, or APF channels through the lab listener. */
    private record Route(SocketFactory transport, Ports ports) {
    }

    private Route route(Device device) throws IOException {
        return switch (device.reach().kind()) {
            case DIRECT -> new Route(SocketFactory.getDefault(), ports);
            // A tunnel carries AMT's own port numbers, whatever plan direct devices follow.
            case CIRA -> new Route(tunnel(device), AMT_OWN_PORTS);
            case MPS -> throw new IOException(device.name()
                    + " is served by a remote MPS: the console reaches it through the MPS's API, not with WS-Man");
        };
    }

    private SocketFactory tunnel(Device device) throws IOException {
        if (!tunnels.running()) {
            throw new IOException(device.name() + " is reached over CIRA and " + tunnels.howToStart());
        }
        return tunnels.to(device.reach().id()).orElseThrow(() -> new IOException(device.name()
                + " is reached over CIRA and is not connected to the lab listener now"));
    }
}
