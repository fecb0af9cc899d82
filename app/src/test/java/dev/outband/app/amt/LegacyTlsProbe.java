package dev.outband.app.amt;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.LegacyTls;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * Runs in its own JVM (the legacy opt-in is JVM-wide): a virtual device whose TLS ports speak only
 * TLS 1.0 with RSA key exchange, as AMT 11 and older do, reached by the console's connections with or
 * without the opt-in. Prints one line per path for {@link LegacyTlsTest}.
 */
public final class LegacyTlsProbe {
    private LegacyTlsProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("allow")) {
            LegacyTls.allowInThisJvm();
        }
        DeviceCertificates.Issued identity = DeviceCertificates.loopbackDevice();
        VirtualDevice old = new VirtualDevice(DeviceConfig.of("amt-11", "admin", "Sim-Passw0rd")
                .withAmtVersion("11.8.55").withOptInRequired(0));
        Path home = Files.createTempDirectory("legacy-tls");
        try (DevicePorts ports = DevicePorts.open(old, 0, 0, 0, 0,
                    new Tls10Only(DeviceCertificates.serverSocketFactory(identity)));
                DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device device = store.devices().insert(Device.of("amt-11", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd"))
                    .withTls(dev.outband.app.store.TlsMode.PINNED, Certificates.sha256(identity.certificate())));
            DeviceConnections connections = new DeviceConnections(
                    DeviceConnections.Ports.of(d -> ports.tlsPort(), d -> ports.kvmTlsPort()));
            try {
                System.out.println("wsman ok " + connections.client(device).identity().read().amtVersion());
            } catch (IOException e) {
                System.out.println("wsman failed: " + e.getMessage());
            }
            try (RfbSession kvm = connections.device(device).kvm()) {
                System.out.println("kvm ok " + kvm.serverInit().name());
            } catch (IOException e) {
                System.out.println("kvm failed: " + e.getMessage());
            }
        }
    }

    /** The device side of old firmware: TLS 1.0 and RSA key exchange only. */
    private static final class Tls10Only extends SSLServerSocketFactory {
        private static final String[] PROTOCOLS = {"TLSv1"};
        private static final String[] SUITES = {"TLS_RSA_WITH_AES_128_CBC_SHA"};
        private final SSLServerSocketFactory tls;

        Tls10Only(SSLServerSocketFactory tls) {
            this.tls = tls;
        }

        private static ServerSocket restrict(ServerSocket socket) {
            SSLServerSocket s = (SSLServerSocket) socket;
            s.setEnabledProtocols(PROTOCOLS);
            s.setEnabledCipherSuites(SUITES);
            return s;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            return restrict(tls.createServerSocket());
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            return restrict(tls.createServerSocket(port));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return restrict(tls.createServerSocket(port, backlog));
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return restrict(tls.createServerSocket(port, backlog, address));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return SUITES;
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return SUITES;
        }
    }
}
