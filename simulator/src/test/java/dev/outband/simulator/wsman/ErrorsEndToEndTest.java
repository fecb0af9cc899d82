package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.SoapFaultException;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.soap.Reference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class ErrorsEndToEndTest {
    @Test
    void aWrongPasswordIsReportedAsRejectedCredentials() throws Exception {
        try (Fixture sim = new Fixture()) {
            assertThatThrownBy(() -> sim.client(new DigestCredentials("admin", "wrong"), WsmanSettings.defaults())
                    .power().status())
                    .isInstanceOf(WsmanException.CredentialsRejected.class)
                    .hasMessage("Error validating management credentials");
        }
    }

    @Test
    void aDeviceWithoutStoredCredentialsSaysNoCredentialsFound() throws Exception {
        try (Fixture sim = new Fixture()) {
            assertThatThrownBy(() -> sim.client(null, WsmanSettings.defaults()).power().status())
                    .isInstanceOf(WsmanException.NoCredentials.class)
                    .hasMessage("No credentials found");
        }
    }

    @Test
    void anExpiredNonceIsRetriedWithoutBotheringTheUser() throws Exception {
        try (Fixture sim = new Fixture()) {
            var client = sim.client();
            assertThat(client.power().status().isOn()).isTrue();
            sim.device.wsmanServer().digest().expireNonces();
            assertThat(client.power().status().isOn()).isTrue();
        }
    }

    @Test
    void aHungDeviceEndsInANetworkTimeout() throws Exception {
        try (Fixture sim = new Fixture()) {
            sim.device.hooks().silent(true);
            WsmanSettings quick = WsmanSettings.defaults().withReadTimeout(Duration.ofMillis(300));
            assertThatThrownBy(() -> sim.client(sim.device.credentials(), quick).power().status())
                    .isInstanceOf(WsmanException.NetworkTimeout.class)
                    .hasMessage("Network timeout");
        }
    }

    @Test
    void aSlowDeviceWithinTheReadTimeoutStillAnswers() throws Exception {
        try (Fixture sim = new Fixture()) {
            sim.device.hooks().delay(Duration.ofMillis(100));
            assertThat(sim.client().power().status().isOn()).isTrue();
        }
    }

    @Test
    void anUnknownClassIsAFaultWithTheDestinationUnreachableSubcode() throws Exception {
        try (Fixture sim = new Fixture()) {
            assertThatThrownBy(() -> sim.client().wsman().get("AMT_NoSuchThing"))
                    .isInstanceOfSatisfying(SoapFaultException.class, f -> {
                        assertThat(f.code()).isEqualTo("a:Sender");
                        assertThat(f.subcode()).isEqualTo("f:DestinationUnreachable");
                        assertThat(f.reason()).startsWith("No route can be determined");
                    });
        }
    }

    @Test
    void anUnknownMethodIsAFaultWithTheActionNotSupportedSubcode() throws Exception {
        try (Fixture sim = new Fixture()) {
            assertThatThrownBy(() -> sim.client().wsman().invoke(Reference.of("IPS_OptInService"), "Explode", List.of()))
                    .isInstanceOfSatisfying(SoapFaultException.class,
                            f -> assertThat(f.subcode()).isEqualTo("f:ActionNotSupported"));
        }
    }
}
