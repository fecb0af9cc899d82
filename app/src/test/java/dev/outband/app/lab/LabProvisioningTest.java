package dev.outband.app.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.SimulatedCiraDevice;
import dev.outband.app.cira.StartRequest;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.cira.CiraClientSettings;
import dev.outband.simulator.cira.ForwardedPorts;
import dev.outband.simulator.cira.MpsCaller;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's whole path on one virtual device over real sockets: TLS on with a lab certificate, then
 * call home to the console's listener with a per-device account; the device calls, and power and a
 * KVM frame travel through the tunnel over TLS verified against the lab root. An impostor with the
 * device's UUID but without its account is refused; removing the setup ends the calls.
 */
@Timeout(180)
class LabProvisioningTest {
    @TempDir
    Path home;

    @Test
    void aDeviceGoesFromPlainHttpToTlsCallingTheLaptopAndIsManagedThroughTheTunnel() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("lab-2", "admin", "Sim-Passw0rd").withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(virtual, 0, 0, null);
                MpsCaller caller = MpsCaller.attach(virtual);
                DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            LabAuthority ca = new LabAuthority(home, store.secrets(), Clock.systemUTC());
            ca.create("Test lab root");
            listener.attach(store);
            // No lab-wide account: only devices set up from this console, each with its own, get in.
            listener.start(new StartRequest(0, "", null, null));
            listener.certificate().orElseThrow().verify(ca.root().orElseThrow().getPublicKey());
            DeviceConnections connections = new DeviceConnections(DeviceConnections.Ports.of(
                    d -> d.tls() == TlsMode.NONE ? ports.httpPort() : ports.tlsPort(), d -> ports.kvmPort()), listener)
                    .trusting(LabAuthority.trustedRoots(home));
            Device direct = store.devices().insert(Device.of("lab-2", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));

            JobResult tls = new TlsSetup(connections, store.devices(), ca, Clock.systemUTC())
                    .enable(direct, TlsSetup.Options.defaults());
            assertThat(tls.ok()).as(tls.message()).isTrue();

            CiraAccounts accounts = new CiraAccounts(store.secrets());
            CallHome callHome = new CallHome(connections, ca, accounts, uuid -> connections.tunnelOpen(uuid.toString()),
                    Clock.systemUTC());
            CallHome.Options options = CallHome.Options.to("127.0.0.1", listener.port())
                    .withWaitForCall(Duration.ofSeconds(60));
            Device secure = store.devices().findByName("lab-2").orElseThrow();
            JobResult called = callHome.setUp(secure, options);

            assertThat(called.ok()).as(called.message()).isTrue();
            assertThat(called.message()).isEqualTo("called in over CIRA as " + virtual.uuid());
            CiraAccounts.Account account = accounts.find(new DeviceUuid(virtual.uuid())).orElseThrow();
            assertThat(account.user()).hasSizeLessThanOrEqualTo(16);
            assertThat(account.password()).hasSize(16);

            Device tunnelled = store.devices().insert(new Device(null, "lab-2-cira", "127.0.0.1", List.of(), "admin",
                    store.devices().seal("Sim-Passw0rd"), TlsMode.VERIFY, null, Reach.cira(virtual.uuid().toString()),
                    DeviceState.UNKNOWN));
            connections.client(tunnelled).power().perform(PowerAction.OFF);
            assertThat(virtual.powerState()).isEqualTo(PowerState.OFF);
            connections.client(tunnelled).power().perform(PowerAction.ON);
            try (RfbSession kvm = connections.device(tunnelled).kvm()) {
                Framebuffer screen = FrameGrabber.grab(kvm, Duration.ofSeconds(30));
                assertThat(screen.width()).isPositive();
            }

            // Someone with the device's UUID but the lab-wide password of old is refused; the device keeps its tunnel.
            try (CiraClient impostor = CiraClient.start(CiraClientSettings.of("127.0.0.1", listener.port(),
                    new DeviceUuid(virtual.uuid()), SimulatedCiraDevice.USER,
                    SimulatedCiraDevice.PASSWORD.getBytes(StandardCharsets.UTF_8), ForwardedPorts.of(virtual, null),
                    DeviceSslContext.create(new TrustPolicy.TrustedRoots(List.of(ca.root().orElseThrow())),
                            "127.0.0.1").getSocketFactory()))) {
                Instant refusedBy = Instant.now().plusSeconds(20);
                while (impostor.lastDisconnectReason() == null && Instant.now().isBefore(refusedBy)) {
                    Thread.sleep(50);
                }
                assertThat(impostor.lastDisconnectReason()).isEqualTo(DisconnectReason.INVALID_CREDENTIALS);
                assertThat(impostor.isForwarding()).isFalse();
            }
            assertThat(connections.tunnelOpen(virtual.uuid().toString())).isTrue();

            JobResult removed = callHome.remove(store.devices().findByName("lab-2").orElseThrow(), options);
            assertThat(removed.ok()).as(removed.message()).isTrue();
            assertThat(accounts.find(new DeviceUuid(virtual.uuid()))).isEmpty();
            Instant deadline = Instant.now().plusSeconds(30);
            while (connections.tunnelOpen(virtual.uuid().toString()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            assertThat(connections.tunnelOpen(virtual.uuid().toString())).isFalse();
        }
    }
}
