package dev.outband.app.amt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.SimulatedCiraDevice;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.PowerState;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.tls.Certificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Port plans and trust, on devices that need no user consent for KVM (consent has its own tests). */
@Timeout(60)
class DeviceConnectionsTest {
    @TempDir
    Path home;

    @Test
    void wsmanAndKvmReachTheDeviceOnThePortsThePlanGives() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd")
                .withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(virtual, 0, 0, null);
                DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device device = store.devices().insert(Device.of("sim-1", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
            DeviceConnections connections = new DeviceConnections(
                    DeviceConnections.Ports.of(d -> ports.httpPort(), d -> ports.kvmPort()));

            assertThat(connections.client(device).identity().read().uuid()).isEqualTo(virtual.uuid());
            try (RfbSession kvm = connections.device(device).kvm()) {
                assertThat(kvm.serverInit().name()).isEqualTo("Intel(r) AMT KVM");
            }
        }
    }

    @Test
    void aDeviceConnectedOverCiraIsPoweredOffAndShowsItsScreenThroughTheLabListener() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-3", "admin", "Sim-Passw0rd")
                .withOptInRequired(0));
        try (DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            Device device = store.devices().insert(new Device(null, "sim-3", "127.0.0.1", List.of(), "admin",
                    store.devices().seal("Sim-Passw0rd"), TlsMode.NONE, null, Reach.cira(virtual.uuid().toString()),
                    DeviceState.UNKNOWN));
            // The direct port plan points nowhere: a tunnelled device must not follow it.
            DeviceConnections connections = new DeviceConnections(d -> 1, listener);

            try (CiraClient client = SimulatedCiraDevice.connect(listener, virtual)) {
                connections.client(device).power().perform(PowerAction.OFF);
                assertThat(virtual.powerState()).isEqualTo(PowerState.OFF);

                try (RfbSession kvm = connections.device(device).kvm()) {
                    Framebuffer screen = FrameGrabber.grab(kvm, Duration.ofSeconds(20));
                    assertThat(screen.width()).isPositive();
                }
            }
        }
    }

    @Test
    void overTlsAnUnknownCertificateIsRefusedWithItsFingerprintAndThenPinnedForWsmanAndKvm() throws Exception {
        DeviceCertificates.Issued identity = DeviceCertificates.loopbackDevice();
        String sha256 = Certificates.sha256(identity.certificate());
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd")
                .withOptInRequired(0));
        try (DevicePorts ports = DevicePorts.open(virtual, 0, 0, 0, 0, DeviceCertificates.serverSocketFactory(identity));
                DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device device = store.devices().insert(Device.of("sim-1", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")).withTls(TlsMode.VERIFY, null));
            DeviceConnections connections = new DeviceConnections(
                    DeviceConnections.Ports.of(d -> ports.tlsPort(), d -> ports.kvmTlsPort()));

            // The simulator's CA is in no trust store: both paths refuse it and say what was presented.
            assertThatThrownBy(() -> connections.client(device).identity().read())
                    .isInstanceOfSatisfying(WsmanException.UntrustedRoot.class, e -> assertThat(e.sha256()).isEqualTo(sha256));
            assertThatThrownBy(() -> connections.device(device).kvm())
                    .isInstanceOfSatisfying(WsmanException.UntrustedRoot.class, e -> assertThat(e.sha256()).isEqualTo(sha256));

            Device pinned = store.devices().pinCertificate(device.id(), sha256);
            assertThat(store.devices().findById(device.id()).orElseThrow().tls()).isEqualTo(TlsMode.PINNED);
            assertThat(connections.client(pinned).identity().read().uuid()).isEqualTo(virtual.uuid());
            try (RfbSession kvm = connections.device(pinned).kvm()) {
                assertThat(kvm.serverInit().name()).isEqualTo("Intel(r) AMT KVM");
            }

            Device otherPin = pinned.withTls(TlsMode.PINNED, "ab".repeat(32));
            assertThatThrownBy(() -> connections.device(otherPin).kvm())
                    .isInstanceOfSatisfying(WsmanException.UnknownCertificate.class,
                            e -> assertThat(e.sha256()).isEqualTo(sha256));
        }
    }

    @Test
    void overCiraWithTlsTheDevicesCertificateIsRefusedThenPinnedAndWsmanAndKvmTravelTheTunnelOnTheTlsPorts()
            throws Exception {
        // Its name, in its certificate too, is known only inside its own network: the tunnel, not this
        // machine's DNS, must lead the console to it.
        String name = "sim-4.lab.invalid";
        DeviceCertificates.Issued identity = DeviceCertificates.device(DeviceCertificates.authority("Lab CA"), name);
        String sha256 = Certificates.sha256(identity.certificate());
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-4", "admin", "Sim-Passw0rd")
                .withOptInRequired(0));
        try (DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            Device device = store.devices().insert(new Device(null, "sim-4", name, List.of(), "admin",
                    store.devices().seal("Sim-Passw0rd"), TlsMode.VERIFY, null, Reach.cira(virtual.uuid().toString()),
                    DeviceState.UNKNOWN));
            // No port of the device is open on this machine: only the tunnel leads to it.
            DeviceConnections connections = new DeviceConnections(d -> 1, listener);

            try (CiraClient client = SimulatedCiraDevice.connect(listener, virtual,
                    DeviceCertificates.serverContext(identity))) {
                assertThatThrownBy(() -> connections.client(device).identity().read())
                        .isInstanceOfSatisfying(WsmanException.UntrustedRoot.class,
                                e -> assertThat(e.sha256()).isEqualTo(sha256));
                assertThatThrownBy(() -> connections.device(device).kvm())
                        .isInstanceOfSatisfying(WsmanException.UntrustedRoot.class,
                                e -> assertThat(e.sha256()).isEqualTo(sha256));

                Device pinned = store.devices().pinCertificate(device.id(), sha256);
                AmtClient amt = connections.client(pinned);
                assertThat(amt.identity().read().uuid()).isEqualTo(virtual.uuid());
                assertThat(amt.power().status().isOn()).isTrue();

                try (RfbSession kvm = connections.device(pinned).kvm()) {
                    Framebuffer screen = FrameGrabber.grab(kvm, Duration.ofSeconds(20));
                    assertThat(screen.width()).isEqualTo(800);
                    assertThat(screen.height()).isEqualTo(600);
                    // A desktop or a BIOS screen, not an empty buffer.
                    assertThat(IntStream.of(screen.pixels()).distinct().count()).isGreaterThan(2);
                }

                amt.power().perform(PowerAction.OFF);
                assertThat(virtual.powerState()).isEqualTo(PowerState.OFF);
                assertThat(amt.power().status().isOn()).isFalse();
            }
        }
    }

    @Test
    void aCiraDeviceThatIsNotConnectedIsRefusedInATechniciansWords() throws Exception {
        try (DeviceStore store = DeviceStore.open(home, () -> null);
                LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            Device tunnelled = store.devices().insert(new Device(null, "sim-3", "127.0.0.1", List.of(),
                    "admin", store.devices().seal("x"), TlsMode.NONE, null,
                    Reach.cira("b7266209-0aa9-4da0-8593-fd0f4836a8ab"), DeviceState.UNKNOWN));
            DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS, listener);

            assertThatThrownBy(() -> connections.client(tunnelled))
                    .hasMessage("sim-3 is reached over CIRA and the lab listener is not running: start it from Lab listener");

            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            assertThatThrownBy(() -> connections.client(tunnelled))
                    .hasMessage("sim-3 is reached over CIRA and is not connected to the lab listener now");
            assertThatThrownBy(() -> connections.device(tunnelled).kvm())
                    .hasMessage("sim-3 is reached over CIRA and is not connected to the lab listener now");
        }
    }

    @Test
    void aDeviceBehindAnMpsIsRefusedClearly() throws Exception {
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device relayed = store.devices().insert(new Device(null, "mps-1", "127.0.0.1", List.of(),
                    "admin", store.devices().seal("x"), TlsMode.NONE, null, Reach.mps("guid-1"), DeviceState.UNKNOWN));
            DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS);

            assertThatThrownBy(() -> connections.client(relayed))
                    .hasMessage("mps-1 is served by a remote MPS: the console reaches it through the MPS's API, not with WS-Man");
            assertThatThrownBy(() -> connections.device(relayed))
                    .hasMessage("mps-1 is served by a remote MPS that is not among this console's sources");
        }
    }
}
