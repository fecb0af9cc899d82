package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEvents;
import dev.outband.cira.listener.CiraDevice;
import dev.outband.cira.listener.CiraListener;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.TlsSocketFactory;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class CiraCallHomeTest {
    @Test
    void everyDeviceOfTheFleetCallsTheListenerAndAnswersWsmanThroughItsTunnel() throws Exception {
        String pin = Certificates.sha256(CiraTestLab.identity().certificate());
        try (CiraListener listener = CiraTestLab.startListener(CiraTestLab.settings());
                DeviceFleet fleet = DeviceFleet.start(3, 0, "admin", "Sim-Passw0rd", null, Duration.ofMillis(50));
                CiraCallHome home = CiraCallHome.start(fleet, "127.0.0.1", listener.port(), CiraTestLab.USER,
                        CiraTestLab.PASSWORD, pin, null)) {
            for (CiraClient client : home.clients()) {
                assertThat(client.awaitForwarding(Duration.ofSeconds(20))).isTrue();
            }
            Set<DeviceUuid> expected = fleet.members().stream().map(m -> new DeviceUuid(m.device().uuid()))
                    .collect(Collectors.toSet());
            assertThat(listener.connectedDevices()).extracting(d -> d.uuid()).containsExactlyInAnyOrderElementsOf(expected);

            DeviceFleet.Member second = fleet.members().get(1);
            AmtClient amt = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", 16992,
                    new DigestCredentials("admin", "Sim-Passw0rd"))
                    .withSocketFactory(listener.socketFactory(new DeviceUuid(second.device().uuid()))));
            assertThat(amt.identity().read().uuid()).isEqualTo(second.device().uuid());
        }
    }

    /**
     * Expected order and set from the public DMT mps (src/amt/APFProcessor.ts: "Ports order: 16993, 16992, 664,
     * 623, 16995, 16994, 5900", the MPS asking for keep-alive options once 5900 is forwarded). The listener
     * records every forward; a channel to a port the device does not serve fails as a refused connect.
     */
    @Test
    void aDeviceForwardsAmtsPortsInAmtsOrderAndRefusesChannelsToThoseItDoesNotServe() throws Exception {
        List<CiraEvent.PortsForwarded> forwards = new CopyOnWriteArrayList<>();
        try (CiraListener listener = CiraTestLab.startListener(CiraTestLab.settings());
                CiraEvents.Subscription events = listener.subscribe(e -> {
                    if (e instanceof CiraEvent.PortsForwarded p) {
                        forwards.add(p);
                    }
                });
                DeviceFleet fleet = DeviceFleet.start(1, 0, "admin", "Sim-Passw0rd", null, Duration.ofMillis(50));
                CiraCallHome home = CiraCallHome.start(fleet, "127.0.0.1", listener.port(), CiraTestLab.USER,
                        CiraTestLab.PASSWORD, Certificates.sha256(CiraTestLab.identity().certificate()), null)) {
            assertThat(home.clients().getFirst().awaitForwarding(Duration.ofSeconds(20))).isTrue();
            DeviceUuid uuid = new DeviceUuid(fleet.members().getFirst().device().uuid());

            List<Integer> order = new ArrayList<>();
            for (CiraEvent.PortsForwarded p : forwards) {
                p.ports().stream().filter(port -> !order.contains(port)).forEach(order::add);
            }
            assertThat(order).containsExactly(16993, 16992, 664, 623, 16995, 16994, 5900);

            CiraDevice device = listener.device(uuid).orElseThrow();
            for (int unserved : List.of(664, 623, 5900, 16993, 16995)) {
                assertThatThrownBy(() -> device.openChannel(unserved)).isInstanceOf(IOException.class)
                        .hasMessageContaining("port " + unserved).hasMessageContaining("CONNECT_FAILED");
            }
            AmtClient amt = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", 16992,
                    new DigestCredentials("admin", "Sim-Passw0rd")).withSocketFactory(listener.socketFactory(uuid)));
            assertThat(amt.identity().read().uuid()).as("the served ports still answer").isEqualTo(uuid.value());
        }
    }

    @Test
    void devicesWithTlsServeTheTlsPortsThroughTheTunnelWithTheCertificateOfTheirDirectOnes() throws Exception {
        DeviceCertificates.Issued identity = DeviceCertificates.loopbackDevice();
        SSLContext deviceTls = DeviceCertificates.serverContext(identity);
        TrustPolicy pinned = new TrustPolicy.Pinned(Certificates.sha256(identity.certificate()));
        DigestCredentials admin = new DigestCredentials("admin", "Sim-Passw0rd");
        try (CiraListener listener = CiraTestLab.startListener(CiraTestLab.settings());
                DeviceFleet fleet = DeviceFleet.start(1, 0, "admin", "Sim-Passw0rd", deviceTls.getServerSocketFactory(),
                        Duration.ofMillis(50));
                CiraCallHome home = CiraCallHome.start(fleet, "127.0.0.1", listener.port(), CiraTestLab.USER,
                        CiraTestLab.PASSWORD, Certificates.sha256(CiraTestLab.identity().certificate()), deviceTls)) {
            assertThat(home.clients().getFirst().awaitForwarding(Duration.ofSeconds(20))).isTrue();
            DeviceFleet.Member member = fleet.members().getFirst();
            SocketFactory tunnel = listener.socketFactory(new DeviceUuid(member.device().uuid()));

            AmtClient direct = AmtClient.connect(DeviceEndpoint.tls("127.0.0.1", member.ports().tlsPort(), admin, pinned));
            AmtClient tunnelled = AmtClient.connect(DeviceEndpoint.tls("127.0.0.1", DeviceEndpoint.TLS_PORT, admin, pinned)
                    .withSocketFactory(tunnel));
            assertThat(direct.identity().read().uuid()).isEqualTo(member.device().uuid());
            assertThat(tunnelled.identity().read().uuid()).isEqualTo(member.device().uuid());

            // Client control mode: the person at the device reads out the code it shows.
            tunnelled.consent().start();
            tunnelled.consent().sendCode(member.device().consent().codeOnScreen().orElseThrow());
            SocketFactory kvmTls = new TlsSocketFactory(tunnel,
                    DeviceSslContext.create(pinned, "127.0.0.1").getSocketFactory());
            try (RfbSession kvm = AmtKvmConnector.open(kvmTls, "127.0.0.1", AmtKvmConnector.TLS_PORT,
                    new AmtCredentials("admin", "Sim-Passw0rd".toCharArray()), AmtColourMode.AUTO, false,
                    Duration.ofSeconds(10))) {
                assertThat(kvm.serverInit().name()).isEqualTo("Intel(r) AMT KVM");
            }
        }
    }

    @Test
    void aListenerWithAnotherCertificateIsRefused() throws Exception {
        try (CiraListener listener = CiraTestLab.startListener(CiraTestLab.settings());
                DeviceFleet fleet = DeviceFleet.start(1, 0, "admin", "Sim-Passw0rd", null, Duration.ofMillis(50));
                CiraCallHome home = CiraCallHome.start(fleet, "127.0.0.1", listener.port(), CiraTestLab.USER,
                        CiraTestLab.PASSWORD, "ab".repeat(32), null)) {
            assertThat(home.clients().getFirst().awaitForwarding(Duration.ofSeconds(3))).isFalse();
            assertThat(listener.connectedDevices()).isEmpty();
        }
    }
}
