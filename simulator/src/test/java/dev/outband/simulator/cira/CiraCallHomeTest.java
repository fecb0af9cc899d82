package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraListener;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.tls.Certificates;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
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
