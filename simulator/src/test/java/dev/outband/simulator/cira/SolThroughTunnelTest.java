package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraListener;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.session.AmtSolConnector;
import dev.outband.kvm.sol.SolSession;
import dev.outband.kvm.sol.SolSettings;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.DeviceScreen;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Serial-over-LAN through the local listener's APF channel to the device's port 16994. */
@Timeout(60)
class SolThroughTunnelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theLoginPromptAndTheTypedNameTravelThroughTheCiraTunnel() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("cira-sol", "admin", "Amt-Passw0rd")
                .withOptInRequired(0));
        DeviceUuid uuid = CiraTestLab.randomUuid();
        try (CiraListener listener = CiraTestLab.startListener(CiraTestLab.settings());
                CiraClient client = CiraClient.start(CiraClientSettings.of("127.0.0.1", listener.port(), uuid,
                        CiraTestLab.USER, CiraTestLab.PASSWORD,
                        Map.of(16992, device.wsmanHandler(), 16994, DeviceScreen.redirectionServer(device)),
                        CiraTestLab.trusting(CiraTestLab.identity().certificate())))) {
            assertThat(client.awaitForwarding(WAIT)).isTrue();
            try (SolSession sol = AmtSolConnector.open(listener.socketFactory(uuid), "127.0.0.1", 16994,
                    new AmtCredentials("admin", "Amt-Passw0rd".toCharArray()), SolSettings.defaults(), WAIT)) {
                InputStream serial = sol.serialInput();
                StringBuilder seen = new StringBuilder();
                byte[] buf = new byte[4096];
                boolean typed = false;
                while (!seen.toString().contains("login: admin\r\nPassword: ")) {
                    int n = serial.read(buf);
                    assertThat(n).as("the session ended; seen: %s", seen).isNotNegative();
                    seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    if (!typed && seen.toString().contains("cira-sol login: ")) {
                        sol.send("admin\r".getBytes(StandardCharsets.US_ASCII));
                        typed = true;
                    }
                }
            }
        }
    }
}
