package dev.outband.wsman.amt.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.amt.RecordedReplies;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import org.junit.jupiter.api.Test;

/**
 * Expected values are read by eye from the recorded replies of real firmware in go-wsman-messages:
 * amt/redirectionservice/get.xml (EnabledState 32771, ListenerEnabled true), cim/kvm/get.xml (EnabledState 6,
 * "enabled but offline"), ips/optin/get.xml (OptInRequired 0, CanModifyOptInPolicy 1) and
 * ips/kvmredirection/settings/get.xml (Is5900PortEnabled false, SessionTimeout 3).
 */
class RecordedFeaturesTest {
    @Test
    void aRecordedDeviceHasSolIderKvmAndNoConsentAndMayChangeThePolicy() throws Exception {
        RedirectionStatus redirection = RedirectionStatus.from(RecordedReplies.get("amt-redirectionservice-get.xml"),
                RecordedReplies.get("cim-kvm-get.xml"));
        Features features = Features.from(redirection, RecordedReplies.get("ips-optin-get.xml"),
                RecordedReplies.get("ips-kvmredirection-settings-get.xml"));

        assertThat(features.redirection()).isEqualTo(new RedirectionStatus(true, true, true, true));
        assertThat(features.consent()).contains(ConsentPolicy.NONE);
        assertThat(features.consentChangeable()).isTrue();
        assertThat(features.kvm()).contains(new Features.KvmSettings(false, 3));
    }

    @Test
    void consentValuesAreAmtsOwnAndOthersAreUnknown() {
        assertThat(ConsentPolicy.of(0xFFFFFFFFL)).contains(ConsentPolicy.ALL);
        assertThat(ConsentPolicy.of(1)).contains(ConsentPolicy.KVM);
        assertThat(ConsentPolicy.of(2)).isEmpty();
    }
}
