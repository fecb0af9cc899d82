package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.simulator.device.BootOptions;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Display;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.SoapFaultException;
import dev.outband.wsman.amt.boot.BootTarget;
import dev.outband.wsman.amt.boot.NextBoot;
import dev.outband.wsman.amt.certificates.CertificateListing;
import dev.outband.wsman.amt.events.EventFilter;
import dev.outband.wsman.amt.events.EventSubscriptionService;
import dev.outband.wsman.amt.features.ConsentPolicy;
import dev.outband.wsman.amt.features.Features;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Reference;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The boot, features and certificate pages' calls against a device over real sockets: edits persist, bad input is refused as AMT refuses it. */
@Timeout(30)
class DevicePagesEndToEndTest {
    private static DeviceConfig adminMode() {
        return DeviceConfig.of("sim-acm", "admin", "P@ssw0rd!").withBootDuration(Duration.ofMillis(100))
                .withProvisioningMode(1);
    }

    @Test
    void aNextBootToBiosWithSolIsReadBackAndTheNextResetUsesItOnce() throws Exception {
        try (Fixture sim = new Fixture()) {
            var boot = sim.client().boot();
            boot.setNextBoot(new NextBoot(BootTarget.BIOS_SETUP, true, true));

            var read = boot.read();
            assertThat(read.settings().target()).isEqualTo(BootTarget.BIOS_SETUP);
            assertThat(read.settings().useSol()).isTrue();
            assertThat(read.settings().lockKeyboard()).isTrue();
            assertThat(read.sources()).contains(BootTarget.PXE.sourceId().orElseThrow());

            // A reset from outside the console (the console's own plain power actions clear boot options first).
            assertThat(sim.device.requestPowerState(10)).isZero();
            assertThat(sim.device.display()).isEqualTo(Display.BIOS_SETUP);
            assertThat(boot.read().settings().anySet()).as("one-shot options are gone after the boot").isFalse();
        }
    }

    @Test
    void aRemoteCdBootSetsIderWithTheCdImageAndPxeForcesTheNetworkSource() throws Exception {
        try (Fixture sim = new Fixture()) {
            var boot = sim.client().boot();
            boot.setNextBoot(new NextBoot(BootTarget.IDER_CD, false, false));
            assertThat(boot.read().settings().target()).isEqualTo(BootTarget.IDER_CD);

            boot.setNextBoot(new NextBoot(BootTarget.PXE, false, false));
            assertThat(boot.read().settings().target()).isEqualTo(BootTarget.NORMAL);
            assertThat(sim.device.bootOptions().source()).isEqualTo(BootOptions.PXE);
            assertThat(sim.device.bootOptions().roleSet()).isTrue();

            boot.clear();
            assertThat(sim.device.bootOptions().source()).isNull();
        }
    }

    @Test
    void badBootInputIsRefusedWithAmtsAnswers() throws Exception {
        try (Fixture sim = new Fixture()) {
            var wsman = sim.client().wsman();
            Reference config = Reference.of("CIM_BootConfigSetting", "InstanceID", "Intel(r) AMT: Boot Configuration 0");
            assertThatThrownBy(() -> wsman.invoke(config, "ChangeBootOrder", List.of(Argument.epr("Source",
                    Reference.of("CIM_BootSourceSetting", "InstanceID", "Intel(r) AMT: Force Floppy Boot")))))
                    .isInstanceOfSatisfying(ReturnValueException.class, e -> assertThat(e.returnValue()).isEqualTo(4));
            Reference settings = Reference.of("AMT_BootSettingData", "InstanceID", "Intel(r) AMT:BootSettingData 0");
            assertThatThrownBy(() -> wsman.put(settings, wsman.get(settings).withChanges(Map.of("IDERBootDevice", 7))))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("IDERBootDevice");
            assertThatThrownBy(() -> wsman.put(settings, wsman.get(settings)
                    .withChanges(Map.of("BIOSSetup", true, "UseIDER", true))))
                    .isInstanceOf(SoapFaultException.class);
            assertThat(sim.device.bootOptions()).isEqualTo(BootOptions.none());
        }
    }

    @Test
    void featuresSwitchedOffStayOffAndKvmRefusesSessionsWhileOff() throws Exception {
        try (Fixture sim = new Fixture(adminMode())) {
            var features = sim.client().features();
            features.apply(new RedirectionStatus(true, false, true, false), ConsentPolicy.KVM);

            Features read = features.read();
            assertThat(read.redirection()).isEqualTo(new RedirectionStatus(true, false, true, false));
            assertThat(read.consent()).contains(ConsentPolicy.KVM);
            assertThat(read.consentChangeable()).isTrue();
            assertThat(sim.device.redirection().kvm()).isFalse();
            assertThat(sim.device.consent().required()).isEqualTo(1);

            features.apply(new RedirectionStatus(false, false, false, true), ConsentPolicy.NONE);
            assertThat(features.read().redirection()).isEqualTo(new RedirectionStatus(false, false, false, true));
            assertThat(features.read().consent()).contains(ConsentPolicy.NONE);
        }
    }

    @Test
    void clientControlModeKeepsItsConsentPolicyAndRefusesAChange() throws Exception {
        try (Fixture sim = new Fixture()) {
            var features = sim.client().features();
            assertThat(features.read().consentChangeable()).isFalse();
            assertThat(features.read().consent()).contains(ConsentPolicy.ALL);

            assertThatThrownBy(() -> features.apply(new RedirectionStatus(true, true, true, true), ConsentPolicy.NONE))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("client control mode");
            assertThat(sim.device.consent().required()).isEqualTo(0xFFFFFFFFL);
        }
    }

    @Test
    void anUndefinedConsentValueIsRefused() throws Exception {
        try (Fixture sim = new Fixture(adminMode())) {
            var wsman = sim.client().wsman();
            Reference optIn = Reference.of("IPS_OptInService", "Name", "Intel(r) AMT OptIn Service");
            assertThatThrownBy(() -> wsman.put(optIn, wsman.get(optIn).withChanges(Map.of("OptInRequired", 2))))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("OptInRequired");
        }
    }

    @Test
    void aTrustedRootAddedIsListedAsSuchAndCanBeRemovedAgain() throws Exception {
        try (Fixture sim = new Fixture()) {
            var store = sim.client().certificates();
            var root = TestAuthority.create("Outband Test Root").root();
            String id = store.addTrustedRoot(root);

            CertificateListing listing = store.listing();
            var added = listing.certificates().stream().filter(c -> c.instanceId().equals(id)).findFirst().orElseThrow();
            assertThat(added.trustedRoot()).isTrue();
            assertThat(added.certificate()).isEqualTo(root);
            assertThat(listing.usedByTls(added)).isFalse();

            store.deleteCertificate(id);
            assertThat(store.listing().certificates()).noneMatch(c -> c.instanceId().equals(id));
        }
    }

    @Test
    void aSubscriberIsListedWithItsFilterAndAddressUntilUnsubscribed() throws Exception {
        try (Fixture sim = new Fixture()) {
            var events = sim.client().events();
            assertThat(events.listing().filters()).extracting(EventFilter::label).containsExactly("All", "Features");
            assertThat(events.listing().subscriptions()).isEmpty();

            events.subscribe("Intel(r) AMT:All", "http://192.0.2.10:8080/amt-events");
            var listed = events.listing().subscriptions();
            assertThat(listed).singleElement().satisfies(s -> {
                assertThat(s.filterId()).isEqualTo("Intel(r) AMT:All");
                assertThat(s.destination()).isEqualTo("http://192.0.2.10:8080/amt-events");
                assertThat(s.deliveryLabel()).isEqualTo("Push with ACK");
            });
            assertThatThrownBy(() -> events.subscribe("Intel(r) AMT:All", "http://192.0.2.10:8080/amt-events"))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("AlreadyExists");

            events.unsubscribe(listed.getFirst());
            assertThat(events.listing().subscriptions()).isEmpty();
            assertThat(sim.device.subscribers().all()).isEmpty();
        }
    }

    @Test
    void aSubscribeToAnUnknownFilterOrAnAddressThatIsNoUrlIsRefused() throws Exception {
        try (Fixture sim = new Fixture()) {
            var wsman = sim.client().wsman();
            assertThatThrownBy(() -> wsman.subscribe(Reference.of("CIM_FilterCollection", "InstanceID", "Intel(r) AMT:Nope"),
                    EventSubscriptionService.PUSH_WITH_ACK, "http://192.0.2.10/"))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("InvalidSelectors");
            assertThatThrownBy(() -> wsman.subscribe(Reference.of("CIM_FilterCollection", "InstanceID", "Intel(r) AMT:All"),
                    EventSubscriptionService.PUSH_WITH_ACK, "ftp://192.0.2.10/"))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("InvalidParameter");
            assertThatThrownBy(() -> sim.client().events().subscribe("Intel(r) AMT:All", "192.0.2.10"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
            assertThat(sim.device.subscribers().all()).isEmpty();
        }
    }
}
