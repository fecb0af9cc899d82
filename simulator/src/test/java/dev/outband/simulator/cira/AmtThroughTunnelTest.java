package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraListener;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.http.DigestCredentials;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connector abstraction end to end: WS-Man and KVM clients that know nothing of CIRA reach a
 * virtual device through the local listener's APF channels.
 */
@Timeout(60)
class AmtThroughTunnelTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aPowerActionAndAKvmScreenTravelThroughTheCiraTunnel() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("cira-pc", "admin", "Amt-Passw0rd"));
        DeviceUuid uuid = CiraTestLab.randomUuid();
        try (CiraListener listener = CiraTestLab.startListener(CiraTestLab.settings());
                CiraClient client = CiraTestLab.connect(listener, uuid,
                        Map.of(16992, device.wsmanHandler(), 16994, DeviceScreen.redirectionServer(device)))) {
            SocketFactory tunnel = listener.socketFactory(uuid);

            AmtClient amt = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", 16992,
                    new DigestCredentials("admin", "Amt-Passw0rd")).withSocketFactory(tunnel));
            amt.power().perform(PowerAction.OFF);

            assertThat(device.powerState()).isEqualTo(PowerState.OFF);
            assertThat(amt.power().status().cimState()).isEqualTo(8);

            // Client control mode: the person at the device reads out the code it shows.
            amt.consent().start();
            amt.consent().sendCode(device.consent().codeOnScreen().orElseThrow());
            try (RfbSession kvm = AmtKvmConnector.open(tunnel, "127.0.0.1", 16994,
                    new AmtCredentials("admin", "Amt-Passw0rd".toCharArray()), AmtColourMode.AUTO, false, WAIT)) {
                Framebuffer screen = FrameGrabber.grab(kvm, WAIT);
                assertThat(Arrays.stream(screen.pixels()).distinct()).containsExactly(Framebuffer.OPAQUE);
            }
        }
    }
}
