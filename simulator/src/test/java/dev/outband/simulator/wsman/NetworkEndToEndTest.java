package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.SoapFaultException;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.hardware.MemoryModule;
import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.amt.network.NetworkService;
import dev.outband.wsman.amt.network.NetworkSettings;
import dev.outband.wsman.amt.network.WifiProfile;
import dev.outband.wsman.amt.network.WiredSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The network page's reads and edits, and the hardware page's memory modules and network cards, through our
 * client against the simulator over loopback HTTP. Field values of the reads follow the recorded
 * go-wsman-messages replies the simulator is shaped on (amt/ethernetport, cim/ethernetport,
 * cim/wifi/endpointsettings, cim/physical/memory).
 */
@Timeout(30)
class NetworkEndToEndTest {

    @Test
    void theWiredPortStartsOnDhcpAndTheWirelessPortListsItsProfile() throws Exception {
        try (Fixture sim = new Fixture()) {
            NetworkSettings network = sim.client().network().read();

            EthernetPort wired = network.wired().orElseThrow();
            assertThat(wired.dhcpEnabled()).isTrue();
            assertThat(wired.ipSyncEnabled()).isTrue();
            assertThat(wired.linkUp()).isTrue();
            assertThat(wired.macAddress()).matches("([0-9a-f]{2}-){5}[0-9a-f]{2}");
            assertThat(wired.ipAddress()).startsWith("192.168.6.");
            assertThat(wired.defaultGateway()).isEqualTo("192.168.6.1");
            assertThat(wired.linkPolicy()).containsExactly(1, 14);
            assertThat(network.wireless().orElseThrow().linkUp()).isFalse();
            assertThat(network.wifiState()).isEqualTo(32769);
            assertThat(network.wifiProfiles()).containsExactly(
                    new WifiProfile("Lab Wi-Fi", "outband-lab", 1, "WPA2 PSK", "CCMP"));
        }
    }

    @Test
    void aStaticAddressIsKeptForLaterReadsAndDhcpComesBack() throws Exception {
        try (Fixture sim = new Fixture()) {
            NetworkService network = sim.client().network();
            network.setWired(WiredSettings.staticAddress("10.20.30.40", "255.255.254.0", "10.20.30.1", "10.20.0.53",
                    "10.20.0.54"));

            EthernetPort wired = sim.client().network().read().wired().orElseThrow();
            assertThat(wired.dhcpEnabled()).isFalse();
            assertThat(wired.ipSyncEnabled()).isFalse();
            assertThat(wired.sharedStaticIp()).isFalse();
            assertThat(wired).extracting(EthernetPort::ipAddress, EthernetPort::subnetMask, EthernetPort::defaultGateway,
                            EthernetPort::primaryDns, EthernetPort::secondaryDns)
                    .containsExactly("10.20.30.40", "255.255.254.0", "10.20.30.1", "10.20.0.53", "10.20.0.54");

            network.setWired(WiredSettings.of(WiredSettings.Mode.HOST_SYNC));
            EthernetPort shared = network.read().wired().orElseThrow();
            assertThat(WiredSettings.modeOf(shared)).isEqualTo(WiredSettings.Mode.HOST_SYNC);
            assertThat(shared.sharedStaticIp()).isTrue();

            network.setWired(WiredSettings.of(WiredSettings.Mode.DHCP));
            assertThat(network.read().wired().orElseThrow().dhcpEnabled()).isTrue();
        }
    }

    @Test
    void aMaskWithAHoleOrAnAddressOutOfRangeIsRefusedAndNothingChanges() throws Exception {
        try (Fixture sim = new Fixture()) {
            NetworkService network = sim.client().network();
            assertThatThrownBy(() -> network.setWired(WiredSettings.staticAddress("10.0.0.5", "255.0.255.0",
                    "10.0.0.1", "10.0.0.53", "")))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("SubnetMask");
            assertThatThrownBy(() -> network.setWired(WiredSettings.staticAddress("10.0.0.256", "255.255.255.0",
                    "10.0.0.1", "10.0.0.53", "")))
                    .isInstanceOf(SoapFaultException.class).hasMessageContaining("IPAddress");
            assertThat(network.read().wired().orElseThrow().dhcpEnabled()).isTrue();
        }
    }

    @Test
    void theHardwareListsEachMemoryModuleAndBothNetworkCards() throws Exception {
        try (Fixture sim = new Fixture()) {
            HardwareInventory hardware = sim.client().hardware().read();

            assertThat(hardware.memoryModules()).hasSize(2).first().isEqualTo(new MemoryModule("BANK 0", 8L << 30,
                    3200, "DDR4", "SODIMM", "859B", "SIM8G4SFS832A", "E0E80001"));
            assertThat(hardware.memoryBytes()).isEqualTo(16L << 30);
            assertThat(hardware.networkCards()).hasSize(2);
            assertThat(hardware.networkCards().getFirst()).satisfies(card -> {
                assertThat(card.wireless()).isFalse();
                assertThat(card.linkUp()).isTrue();
                assertThat(card.speedBitsPerSecond()).isEqualTo(1_000_000_000L);
                assertThat(card.macAddress()).isEqualTo(sim.client().network().read().wired().orElseThrow()
                        .macAddress());
            });
            assertThat(hardware.networkCards().get(1).wireless()).isTrue();
        }
    }

    @Test
    void synchronizingTheClockBringsADriftedDeviceToTheConsolesTime() throws Exception {
        try (Fixture sim = new Fixture()) {
            sim.device.setClock(Instant.now().minus(Duration.ofHours(3)));
            assertThat(Duration.between(sim.client().time().deviceTime(), Instant.now())).isGreaterThan(
                    Duration.ofMinutes(179));

            sim.client().time().synchronize();

            assertThat(Duration.between(sim.client().time().deviceTime(), Instant.now()).abs())
                    .isLessThan(Duration.ofSeconds(3));
        }
    }
}
