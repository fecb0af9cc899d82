package dev.outband.app.amt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.TlsMode;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Devices on ports of their own (NAT port forwards, 'outband sim --base-port'), through AMT_PORTS and the store. */
@Timeout(60)
class OwnPortsTest {
    @TempDir
    Path home;

    @Test
    void aFleetOnABasePortIsReachedOnTheWsmanAndKvmPortsEachDeviceStores() throws Exception {
        // As 'outband sim --count 5 --base-port B' starts them; the ports are what it prints.
        try (DeviceFleet fleet = PortBlocks.start(base -> DeviceFleet.start(5, base, "admin", "Sim-Passw0rd", null,
                Duration.ofSeconds(1)));
                DeviceStore store = DeviceStore.open(home, () -> null)) {
            for (DeviceFleet.Member m : fleet.members()) {
                Device typed = new DeviceDraft(m.device().name(), "127.0.0.1:" + m.ports().httpPort(), "admin",
                        "Sim-Passw0rd", false, List.of()).toDevice(null, store.devices()::seal);
                store.devices().insert(typed.withPorts(typed.wsmanPort(), m.ports().kvmPort()));
            }
            DeviceConnections connections = new DeviceConnections(DeviceConnections.AMT_PORTS);

            for (DeviceFleet.Member m : fleet.members()) {
                Device stored = store.devices().findByName(m.device().name()).orElseThrow();
                assertThat(stored.address()).isEqualTo("127.0.0.1:" + m.ports().httpPort());
                assertThat(DeviceConnections.AMT_PORTS.kvm(stored)).isEqualTo(m.ports().kvmPort());
                assertThat(connections.client(stored).identity().read().uuid()).isEqualTo(m.device().uuid());
            }
        }
    }

    @Test
    void aKvmPortNotSetIsTwoAboveTheWsmanPortAsOnAmt() throws Exception {
        VirtualDevice virtual = new VirtualDevice(DeviceConfig.of("nat-1", "admin", "Sim-Passw0rd")
                .withOptInRequired(0));
        // AMT's layout moved by a port forward: HTTP p, TLS p+1, KVM p+2, KVM over TLS p+3.
        try (DevicePorts ports = PortBlocks.start(p -> DeviceFleet.Member.onAddress(virtual,
                InetAddress.getLoopbackAddress(), p, 0, null)).ports();
                DeviceStore store = DeviceStore.open(home, () -> null)) {
            int http = ports.httpPort();
            Device stored = store.devices().insert(new DeviceDraft("nat-1", "127.0.0.1:" + http, "admin",
                    "Sim-Passw0rd", false, List.of()).toDevice(null, store.devices()::seal));
            ManagedDevice device = new DeviceConnections(DeviceConnections.AMT_PORTS).device(
                    store.devices().findByName("nat-1").orElseThrow());

            assertThat(stored.kvmPort()).isNull();
            try (RfbSession kvm = device.kvm()) {
                assertThat(kvm.serverInit().name()).isEqualTo("Intel(r) AMT KVM");
            }
        }
    }

    @Test
    void aDeviceWithoutPortsKeepsAmtsOwn() {
        Device plain = Device.of("pc", "10.0.0.5");
        Device tls = plain.withTls(TlsMode.VERIFY, null);

        assertThat(DeviceConnections.AMT_PORTS.wsman(plain)).isEqualTo(16992);
        assertThat(DeviceConnections.AMT_PORTS.kvm(plain)).isEqualTo(16994);
        assertThat(DeviceConnections.AMT_PORTS.wsman(tls)).isEqualTo(16993);
        assertThat(DeviceConnections.AMT_PORTS.kvm(tls)).isEqualTo(16995);
        assertThat(DeviceConnections.AMT_PORTS.kvm(plain.withPorts(16993, null))).isEqualTo(16995);
    }
}
