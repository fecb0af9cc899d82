package dev.outband.app.amt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.tls.Certificates;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DeviceConnectionsTest {
    @TempDir
    Path home;

    @Test
    void wsmanAndKvmReachTheDeviceOnThePortsThePlanGives() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
        try (DevicePorts ports = DevicePorts.open(virtual, 0, 0, null);
                DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device device = store.devices().insert(Device.of("sim-1", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")));
            DeviceConnections connections = new DeviceConnections(new DeviceConnections.Ports() {
                @Override
                public int wsman(Device d) {
                    return ports.httpPort();
                }

                @Override
                public int kvm(Device d) {
                    return ports.kvmPort();
                }
            });

            assertThat(connections.client(device).identity().read().uuid()).isEqualTo(virtual.uuid());
            try (RfbSession kvm = connections.kvm(device)) {
                assertThat(kvm.serverInit().name()).isEqualTo("Intel(r) AMT KVM");
            }
        }
    }

    @Test
    void overTlsAnUnknownCertificateIsRefusedWithItsFingerprintAndThenPinnedForWsmanAndKvm() throws Exception {
        DeviceCertificates.Issued identity = DeviceCertificates.loopbackDevice();
        String sha256 = Certificates.sha256(identity.certificate());
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("sim-1", "admin", "Sim-Passw0rd"));
        try (DevicePorts ports = DevicePorts.open(virtual, 0, 0, 0, 0, DeviceCertificates.serverSocketFactory(identity));
                DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device device = store.devices().insert(Device.of("sim-1", "127.0.0.1")
                    .withCredentials("admin", store.devices().seal("Sim-Passw0rd")).withTls(TlsMode.VERIFY, null));
            DeviceConnections connections = new DeviceConnections(new DeviceConnections.Ports() {
                @Override
                public int wsman(Device d) {
                    return ports.tlsPort();
                }

                @Override
                public int kvm(Device d) {
                    return ports.kvmTlsPort();
                }
            });

            // The simulator's CA is in no trust store: both paths refuse it and say what was presented.
            assertThatThrownBy(() -> connections.client(device).identity().read())
                    .isInstanceOfSatisfying(WsmanException.UntrustedRoot.class, e -> assertThat(e.sha256()).isEqualTo(sha256));
            assertThatThrownBy(() -> connections.kvm(device))
                    .isInstanceOfSatisfying(WsmanException.UntrustedRoot.class, e -> assertThat(e.sha256()).isEqualTo(sha256));

            Device pinned = store.devices().pinCertificate(device.id(), sha256);
            assertThat(store.devices().findById(device.id()).orElseThrow().tls()).isEqualTo(TlsMode.PINNED);
            assertThat(connections.client(pinned).identity().read().uuid()).isEqualTo(virtual.uuid());
            try (RfbSession kvm = connections.kvm(pinned)) {
                assertThat(kvm.serverInit().name()).isEqualTo("Intel(r) AMT KVM");
            }

            Device otherPin = pinned.withTls(TlsMode.PINNED, "ab".repeat(32));
            assertThatThrownBy(() -> connections.kvm(otherPin))
                    .isInstanceOfSatisfying(WsmanException.UnknownCertificate.class,
                            e -> assertThat(e.sha256()).isEqualTo(sha256));
        }
    }

    @Test
    void aDeviceBehindCiraIsRefusedClearlyForBothWsmanAndKvm() throws Exception {
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            Device tunnelled = store.devices().insert(new Device(null, "lab-cira", "127.0.0.1", List.of(),
                    "admin", store.devices().seal("x"), TlsMode.NONE, null,
                    Reach.cira("b7266209-0aa9-4da0-8593-fd0f4836a8ab"), DeviceState.UNKNOWN));
            DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS);

            assertThatThrownBy(() -> connections.client(tunnelled)).hasMessageContaining("reached through CIRA");
            assertThatThrownBy(() -> connections.kvm(tunnelled)).hasMessageContaining("reached through CIRA");
        }
    }
}
