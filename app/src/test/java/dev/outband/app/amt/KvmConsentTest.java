package dev.outband.app.amt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class KvmConsentTest {
    private static final int DISPLAYED = 2;
    private static final int RECEIVED = 3;

    @Test
    void aDeviceThatNeedsConsentShowsACodeAndAcceptsOnlyThatCode() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            KvmConsent consent = consentOf(ports);

            assertThat(consent.needed()).isTrue();
            assertThat(device.consent().codeOnScreen()).as("asking is not starting").isEmpty();
            assertThat(consent.begin()).as("client control mode asks for consent").isTrue();
            assertThat(device.consent().state()).isEqualTo(DISPLAYED);
            String code = device.consent().codeOnScreen().orElseThrow();

            assertThat(consent.send(wrong(code))).isEqualTo(KvmConsent.Outcome.WRONG_CODE);
            assertThat(device.consent().codeOnScreen()).as("the same code stays on screen").contains(code);
            assertThat(consent.send(code)).isEqualTo(KvmConsent.Outcome.ACCEPTED);
            assertThat(device.consent().state()).isEqualTo(RECEIVED);
            assertThat(consent.begin()).as("consent already given").isFalse();
            assertThat(consent.needed()).isFalse();
        }
    }

    @Test
    void afterTooManyWrongCodesTheRequestStartsAgainWithANewCode() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            KvmConsent consent = consentOf(ports);
            consent.begin();
            String code = device.consent().codeOnScreen().orElseThrow();

            assertThat(consent.send(wrong(code))).isEqualTo(KvmConsent.Outcome.WRONG_CODE);
            assertThat(consent.send(wrong(code))).isEqualTo(KvmConsent.Outcome.WRONG_CODE);
            assertThat(consent.send(wrong(code))).isEqualTo(KvmConsent.Outcome.RESTARTED);

            assertThat(device.consent().state()).isEqualTo(DISPLAYED);
            String fresh = device.consent().codeOnScreen().orElseThrow();
            assertThat(consent.send(fresh)).isEqualTo(KvmConsent.Outcome.ACCEPTED);
        }
    }

    @Test
    void cancellingTakesTheCodeOffTheScreen() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            KvmConsent consent = consentOf(ports);
            consent.begin();
            consent.cancel();
            assertThat(device.consent().codeOnScreen()).isEmpty();
        }
    }

    @Test
    void aDeviceInAdminControlWithoutConsentOpensAtOnce() throws Exception {
        VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd").withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(device, 0, 0, null)) {
            assertThat(consentOf(ports).begin()).isFalse();
            assertThat(device.consent().codeOnScreen()).isEmpty();
        }
    }

    @Test
    void onlySixDigitsAreACode() {
        assertThat(KvmConsent.wellFormed("123456")).isTrue();
        assertThat(KvmConsent.wellFormed(" 123456 ")).isTrue();
        assertThat(KvmConsent.wellFormed("12345")).isFalse();
        assertThat(KvmConsent.wellFormed("12345a")).isFalse();
        assertThat(KvmConsent.wellFormed(null)).isFalse();
    }

    private static KvmConsent consentOf(DevicePorts ports) {
        AmtClient amt = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", ports.httpPort(),
                new DigestCredentials("admin", "Sim-Passw0rd")));
        return new KvmConsent(new WsmanDevice(amt, timeout -> {
            throw new UnsupportedOperationException("consent only");
        }, timeout -> {
            throw new UnsupportedOperationException("consent only");
        }));
    }

    /** A code that is surely not the one on screen. */
    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
