package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Devices reached through their own tunnels share an address as the client sees it (CIRA devices behind
 * one NAT, all on 16992): each request must still reach its own device.
 */
@Timeout(30)
class TunnelledClientsTest {
    @Test
    void twoDevicesAtTheSameAddressThroughTheirOwnTunnelsAnswerForThemselves() throws Exception {
        VirtualDevice first = new VirtualDevice(DeviceConfig.of("behind-nat-1", "admin", "Sim-Passw0rd"));
        VirtualDevice second = new VirtualDevice(DeviceConfig.of("behind-nat-2", "admin", "Sim-Passw0rd"));
        try (DevicePorts one = DevicePorts.open(first, 0, 0, null); DevicePorts two = DevicePorts.open(second, 0, 0, null)) {
            for (int round = 0; round < 3; round++) {
                assertThat(clientThrough(one.httpPort()).identity().read().uuid()).isEqualTo(first.uuid());
                assertThat(clientThrough(two.httpPort()).identity().read().uuid()).isEqualTo(second.uuid());
            }
        }
    }

    @Test
    void aDeviceWhoseNameOnlyItsOwnNetworkResolvesIsReachedThroughItsTunnel() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("behind-nat-3", "admin", "Sim-Passw0rd"));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            AmtClient client = AmtClient.connect(DeviceEndpoint.http("amt-3.lab.invalid", 16992,
                    new DigestCredentials("admin", "Sim-Passw0rd")).withSocketFactory(new Tunnel(ports.httpPort())));
            assertThat(client.identity().read().uuid()).isEqualTo(device.uuid());
        }
    }

    /** Asks for 10.0.0.7:16992, as a NAT-ed CIRA device looks; the "tunnel" leads to one simulator port. */
    private static AmtClient clientThrough(int port) {
        return AmtClient.connect(DeviceEndpoint.http("10.0.0.7", 16992, new DigestCredentials("admin", "Sim-Passw0rd"))
                .withSocketFactory(new Tunnel(port)));
    }

    private static final class Tunnel extends SocketFactory {
        private final int port;

        Tunnel(int port) {
            this.port = port;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    super.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int p) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public Socket createSocket(String host, int p, InetAddress localHost, int localPort) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int p) throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int p, InetAddress localAddress, int localPort)
                throws IOException {
            return new Socket(InetAddress.getLoopbackAddress(), port, localAddress, localPort);
        }
    }
}
