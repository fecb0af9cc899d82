package dev.outband.simulator.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A device activated by host-based setup knows its admin password only as the digest HA1 = MD5("admin:" +
 * realm + ":" + password) (RFC 2617, computed here); KVM must accept that password afterwards, as WS-Man does.
 */
@Timeout(30)
class KvmAfterActivationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RfbSession kvm(DevicePorts ports, String password) throws Exception {
        return AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", ports.kvmPort(),
                new AmtCredentials("admin", password.toCharArray()), AmtColourMode.AUTO, false, WAIT);
    }

    @Test
    void theAdminPasswordSetByAdminSetupOpensKvmAndTheBirthPasswordNoLonger() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("fresh-pc", "admin", "Birth-Passw0rd")
                .withProvisioningState(DeviceConfig.PRE_PROVISIONING).withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            String ha1 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(
                    ("admin:" + device.digestRealm() + ":New-Kvm-Pass1").getBytes(StandardCharsets.UTF_8)));
            // Setup gives client control, which asks for consent; the consent flow has its own tests
            // (KvmConsentTest), so the policy is lowered directly here.
            assertThat(device.provisioning().setup(2, ha1)).isZero();
            device.consent().setRequired(0);

            try (RfbSession session = kvm(ports, "New-Kvm-Pass1")) {
                assertThat(session.serverInit().name()).isEqualTo(RfbServer.AMT_NAME);
            }
            assertThatThrownBy(() -> kvm(ports, "Birth-Passw0rd")).isInstanceOf(Exception.class);
        }
    }
}
