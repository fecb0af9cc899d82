package dev.outband.app.activation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.bench.ActivationLab;
import dev.outband.app.lab.JobResult;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.Device;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.simulator.activation.ActivationClient;
import dev.outband.simulator.activation.ActivationResult;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.device.Provisioning;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.amt.power.PowerAction;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end on loopback: unprovisioned virtual devices (the simulator's AMT, activated over WS-Man as AMT is)
 * driven by the simulator's activation client (rpc-go's behaviour) through the activation server, with the lab
 * listener and lab CA of a real store. The expected texts are rps' where the server speaks as rps does.
 */
@Timeout(300)
class ActivationEndToEndTest {
    static final String PASSWORD = "E2e-Adm1n-P@ss";

    @Test
    void twentyDevicesActivateAtOnceWithTlsAndCallHomeAndTakeAPowerActionThroughTheirTunnels() throws Exception {
        try (ActivationLab lab = ActivationLab.start(20, p -> { })) {
            lab.ccmWithTlsAndCallHome("lab-full", PASSWORD);

            List<ActivationResult> results = lab.runAll(ActivationClient.Command.activate("lab-full"), lab.url());

            assertThat(results).allSatisfy(r -> {
                assertThat(r.succeeded()).as(r.line()).isTrue();
                assertThat(r.status().status()).isEqualTo("Client control mode.");
                assertThat(r.status().ciraConnection()).isEqualTo("Configured");
                assertThat(r.status().tlsConfiguration()).isEqualTo("Configured");
            });
            for (DeviceFleet.Member m : lab.fleet().members()) {
                assertThat(m.device().provisioning().controlMode()).isEqualTo(Provisioning.CLIENT);
            }
            List<Device> stored = lab.storedDevices();
            assertThat(stored).hasSize(20).allSatisfy(d -> {
                assertThat(d.reach().kind()).isEqualTo(Reach.Kind.CIRA);
                assertThat(d.tls()).isEqualTo(TlsMode.VERIFY);
                assertThat(d.tags()).containsExactly("lab-full");
                assertThat(d.user()).isEqualTo("admin");
                assertThat(d.password().reveal()).isEqualTo(PASSWORD);
                assertThat(lab.connections().tunnelOpen(d.reach().id())).as(d.name() + " connected").isTrue();
            });
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> actions = new ArrayList<>();
                for (Device d : stored) {
                    actions.add(threads.submit(() -> {
                        lab.connections().client(d).power().perform(PowerAction.RESET);
                        return lab.connections().client(d).power().status();
                    }));
                }
                for (Future<?> action : actions) {
                    assertThat(action.get()).isNotNull();
                }
            }
        }
    }

    @Test
    void aWrongProfileOrApiKeyLeavesTheDeviceForTheNextAttemptWhichFinishesIt() throws Exception {
        try (ActivationLab lab = ActivationLab.start(1, p -> { })) {
            lab.clientControl("lab-ccm", PASSWORD);
            VirtualDevice device = lab.fleet().members().getFirst().device();

            ActivationResult wrongProfile = lab.runAll(ActivationClient.Command.activate("nosuch"), lab.url()).getFirst();
            assertThat(wrongProfile.outcome()).isEqualTo(ActivationResult.Outcome.SERVER_ERROR);
            assertThat(wrongProfile.message()).isEqualTo("Device " + device.uuid() + " activation failed. nosuch does"
                    + " not match list of available AMT profiles.");
            ActivationResult wrongKey = lab.runAll(ActivationClient.Command.activate("lab-ccm"),
                    URI.create(lab.url().toString().replace(ActivationLab.API_KEY, "guessed-key"))).getFirst();
            assertThat(wrongKey.outcome()).isEqualTo(ActivationResult.Outcome.SERVER_ERROR);
            assertThat(wrongKey.message()).contains("wrong or missing API key");
            assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);
            assertThat(lab.storedDevices()).isEmpty();

            ActivationResult done = lab.runAll(ActivationClient.Command.activate("lab-ccm"), lab.url()).getFirst();
            assertThat(done.succeeded()).as(done.line()).isTrue();
            assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.CLIENT);

            ActivationResult again = lab.runAll(ActivationClient.Command.activate("lab-ccm"), lab.url()).getFirst();
            assertThat(again.outcome()).isEqualTo(ActivationResult.Outcome.SERVER_ERROR);
            assertThat(again.message()).contains("already activated in client control mode", "deactivate it first");
        }
    }

    @Test
    void deactivationThroughTheClientAndFromTheConsoleBringsDevicesBackToPreProvisioning() throws Exception {
        try (ActivationLab lab = ActivationLab.start(2, p -> { })) {
            lab.clientControl("lab-ccm", PASSWORD);
            assertThat(lab.runAll(ActivationClient.Command.activate("lab-ccm"), lab.url()))
                    .allMatch(ActivationResult::succeeded);
            VirtualDevice first = lab.fleet().members().get(0).device();
            VirtualDevice second = lab.fleet().members().get(1).device();

            // The client's deactivate for the first: through the relay, with the stored password.
            ActivationResult wrong = lab.runOne(0, ActivationClient.Command.deactivate("Wr0ng-P@ss", false), lab.url());
            assertThat(wrong.message()).startsWith("AMT password DOES NOT match stored version");
            ActivationResult relayed = lab.runOne(0, ActivationClient.Command.deactivate(PASSWORD, false), lab.url());
            assertThat(relayed.succeeded()).as(relayed.line()).isTrue();
            assertThat(relayed.status().status()).isEqualTo("Deactivated");
            assertThat(first.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);

            // The console's deactivate for the second: over WS-Man as the stored admin, kept and marked.
            Device stored = lab.store().devices().findByName(second.name()).orElseThrow();
            List<JobResult> results = new Deactivation(lab.store(), ActivationContext.Deactivated.MARK, s -> { })
                    .stored(List.of(stored), lab.connections()::client);
            assertThat(results).singleElement().satisfies(r -> assertThat(r.ok()).as(r.message()).isTrue());
            assertThat(second.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);
            assertThat(lab.storedDevices()).singleElement().satisfies(d -> {
                assertThat(d.name()).isEqualTo(second.name());
                assertThat(d.tags()).contains(ActivationContext.UNPROVISIONED_TAG);
                assertThat(d.password()).isNull();
            });
        }
    }

    @Test
    void adminControlWithAChainTheTestMakes() throws Exception {
        TestProvisioningChain chain = TestProvisioningChain.issue(VirtualDevice.DOMAIN_NAME);
        try (ActivationLab lab = ActivationLab.start(1, p -> { })) {
            VirtualDevice device = lab.fleet().members().getFirst().device();
            device.provisioning().trust(chain.root());
            var profiles = lab.store().profiles();
            profiles.save(new ActivationProfile(null, "lab-acm", ActivationProfile.ControlMode.ACM,
                    profiles.seal(PASSWORD), null, profiles.seal(Base64.getEncoder().encodeToString(chain.pkcs12())),
                    profiles.seal(new String(chain.password())), VirtualDevice.DOMAIN_NAME, false, null, 4433,
                    ActivationProfile.Consent.NONE, true, true, true, ActivationProfile.Network.DHCP));
            profiles.save(new ActivationProfile(null, "other-domain", ActivationProfile.ControlMode.ACM,
                    profiles.seal(PASSWORD), null, profiles.seal(Base64.getEncoder().encodeToString(chain.pkcs12())),
                    profiles.seal(new String(chain.password())), "corp.example.org", false, null, 4433,
                    ActivationProfile.Consent.NONE, true, true, true, ActivationProfile.Network.DHCP));

            ActivationResult mismatch = lab.runAll(ActivationClient.Command.activate("other-domain"), lab.url())
                    .getFirst();
            assertThat(mismatch.message()).contains("the device is in domain " + VirtualDevice.DOMAIN_NAME
                    + ", but profile other-domain's provisioning certificate is for corp.example.org");
            assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);

            ActivationResult done = lab.runAll(ActivationClient.Command.activate("lab-acm"), lab.url()).getFirst();
            assertThat(done.succeeded()).as(done.line()).isTrue();
            assertThat(done.status().status()).isEqualTo("Admin control mode.");
            assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.ADMIN);
            Device stored = lab.storedDevices().getFirst();
            assertThat(stored.password().reveal()).isEqualTo(PASSWORD);
            assertThat(lab.connections().client(stored).consent().status().optInRequired()).isZero();
        }
    }
}
