package dev.outband.simulator.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.RfbAuthenticationException;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.simulator.device.Consent;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.time.Duration;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * KVM and user consent in client control mode: no session without a typed code; IPS_OptInService's
 * OptInState is 4 "in session" while one lasts. Intel's AMT Implementation and Reference Guide ("User
 * Consent General Flow") says the consent then serves new sessions until 2 minutes without any
 * redirection session; after that a new code is needed. The refusal ends the KVM stream with the reason
 * AMT gives for a failed consent flow (same guide, "Connection closed reason strings").
 */
@Timeout(30)
class KvmConsentTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CONSENT_FAILED = "Error: 0x80862300: User consent flow failed";

    private static RfbSession kvm(DevicePorts ports) throws Exception {
        return AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", ports.kvmPort(),
                new AmtCredentials("admin", "Kvm-Passw0rd".toCharArray()), AmtColourMode.AUTO, false, WAIT);
    }

    private static void typeTheCodeShown(VirtualDevice device) {
        assertThat(device.consent().start()).isZero();
        assertThat(device.consent().send(device.consent().codeOnScreen().orElseThrow())).isZero();
    }

    private static void awaitConsentState(VirtualDevice device, int state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (device.consent().state() != state && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(device.consent().state()).isEqualTo(state);
    }

    private static VirtualDevice clientControlled(Duration consentInactivity) {
        return new VirtualDevice(DeviceConfig.of("ccm-pc", "admin", "Kvm-Passw0rd")
                .withConsentInactivity(consentInactivity));
    }

    @Test
    void withoutConsentTheKvmSessionIsRefusedInTheKvmStream() throws Exception {
        VirtualDevice device = clientControlled(Duration.ofMinutes(2));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            assertThatThrownBy(() -> kvm(ports)).isInstanceOf(RfbAuthenticationException.class)
                    .hasMessageContaining(CONSENT_FAILED);
            assertThat(device.consent().state()).isEqualTo(Consent.NOT_STARTED);
        }
    }

    @Test
    void aTypedCodeOpensTheScreenAndServesAnotherSessionWithinTheInactivityPeriod() throws Exception {
        VirtualDevice device = clientControlled(Duration.ofMinutes(2));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            typeTheCodeShown(device);
            try (RfbSession session = kvm(ports)) {
                assertThat(FrameGrabber.grab(session, WAIT).pixels()).isNotEmpty();
                assertThat(device.consent().state()).isEqualTo(Consent.IN_SESSION);
            }
            awaitConsentState(device, Consent.RECEIVED);

            try (RfbSession again = kvm(ports)) {
                assertThat(again.serverInit().name()).as("no new code within the period").isEqualTo(RfbServer.AMT_NAME);
            }
        }
    }

    @Test
    void onceTheSessionHasEndedAndThePeriodPassedTheConsentIsGone() throws Exception {
        VirtualDevice device = clientControlled(Duration.ofMillis(200));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            typeTheCodeShown(device);
            try (RfbSession session = kvm(ports)) {
                assertThat(session.serverInit().name()).isEqualTo(RfbServer.AMT_NAME);
                assertThat(device.consent().state()).isEqualTo(Consent.IN_SESSION);
            }
            awaitConsentState(device, Consent.NOT_STARTED);

            assertThatThrownBy(() -> kvm(ports)).as("a new code is needed")
                    .isInstanceOf(RfbAuthenticationException.class).hasMessageContaining(CONSENT_FAILED);
        }
    }

    @Test
    void aDeviceThatNeedsNoConsentOpensKvmAtOnce() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("acm-pc", "admin", "Kvm-Passw0rd")
                .withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null); RfbSession session = kvm(ports)) {
            assertThat(session.serverInit().name()).isEqualTo(RfbServer.AMT_NAME);
            assertThat(device.consent().state()).isEqualTo(Consent.NOT_STARTED);
        }
    }
}
