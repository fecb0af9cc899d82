package dev.outband.simulator.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.simulator.net.LoopbackAcceptor;
import dev.outband.simulator.net.PresenceResponder;
import dev.outband.wsman.discovery.AddressRange;
import dev.outband.wsman.discovery.DiscoveredDevice;
import dev.outband.wsman.discovery.DiscoveryScan;
import dev.outband.wsman.discovery.DiscoverySettings;
import dev.outband.wsman.discovery.ProvisioningState;
import dev.outband.wsman.discovery.ScanResult;
import dev.outband.wsman.tls.Certificates;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A /24 of loopback addresses scanned over real sockets. The devices' answers are the simulator's (whose pong
 * and 401 follow the fact sheet and the recorded AMT answers checked in wsman's codec and probe tests); two
 * strangers share the /24: a web server on the AMT port that is not AMT, and a BMC answering the ping with the
 * pong captured in Net::IPMI::PP's tests. Neither may be reported.
 */
@Timeout(60)
class FleetDiscoveryTest {
    private static final List<LoopbackLan.Host> HOSTS = List.of(
            new LoopbackLan.Host(10, false, true, "16.1.25"),
            new LoopbackLan.Host(11, true, true, "11.8.50"),
            new LoopbackLan.Host(12, false, false, "15.0.23"),
            new LoopbackLan.Host(99, true, true, "12.0.45"),
            new LoopbackLan.Host(254, false, false, "16.1.25"));
    private static final byte[] BMC_PONG =
            HexFormat.of().parseHex("0600ff06000011be40000010000011be000000008100000000000000");

    @Test
    void aSlash24IsFoundCompletelyAndNothingElse() throws Exception {
        try (LoopbackLan lan = LoopbackLan.start(HOSTS);
                LoopbackAcceptor webServer = LoopbackAcceptor.start("not-amt", InetAddress.ofLiteral(lan.prefix + 50),
                        lan.httpPort, (in, out) -> out.write(("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest "
                                + "realm=\"router\", nonce=\"x\"\r\nServer: lighttpd\r\nContent-Length: 0\r\n"
                                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                PresenceResponder bmc = PresenceResponder.start("bmc", InetAddress.ofLiteral(lan.prefix + 51),
                        lan.rmcpPort, ping -> withTag(BMC_PONG, ping.tag()))) {
            Map<String, DiscoveredDevice> seen = new ConcurrentHashMap<>();
            AtomicInteger lastProgress = new AtomicInteger();
            DiscoverySettings settings = DiscoverySettings.defaults()
                    .withPorts(lan.rmcpPort, lan.httpPort, lan.httpPort + 1).withRate(2_000).withConcurrency(32)
                    .withPongWait(Duration.ofSeconds(1));
            var listener = new DiscoveryScan.Listener() {
                @Override
                public void progress(int done, int total) {
                    lastProgress.accumulateAndGet(done, Math::max);
                }

                @Override
                public void found(DiscoveredDevice device) {
                    seen.put(device.address(), device);
                }
            };
            ScanResult result = new DiscoveryScan(AddressRange.parse(lan.cidr()), settings, listener).run();

            String sha256 = Certificates.sha256(lan.identity.certificate());
            Function<Integer, String> address = host -> lan.prefix + host;
            assertThat(result.cancelled()).isFalse();
            assertThat(result.devices()).containsExactly(
                    new DiscoveredDevice(address.apply(10), List.of(lan.httpPort), false, "16.1.25.2049",
                            ProvisioningState.POST, lan.device(10).digestRealm(), null, true),
                    new DiscoveredDevice(address.apply(11), List.of(lan.httpPort, lan.httpPort + 1), true,
                            "11.8.50.2049", ProvisioningState.POST, lan.device(11).digestRealm(), sha256, true),
                    new DiscoveredDevice(address.apply(12), List.of(lan.httpPort), false, "15.0.23.2049",
                            ProvisioningState.PRE, lan.device(12).digestRealm(), null, true),
                    new DiscoveredDevice(address.apply(99), List.of(lan.httpPort, lan.httpPort + 1), true,
                            "12.0.45.2049", ProvisioningState.POST, lan.device(99).digestRealm(), sha256, true),
                    new DiscoveredDevice(address.apply(254), List.of(lan.httpPort), false, "16.1.25.2049",
                            ProvisioningState.PRE, lan.device(254).digestRealm(), null, true));
            assertThat(result.devices()).allSatisfy(d -> assertThat(d.realm()).matches("Digest:[0-9A-F]{32}"));
            assertThat(seen.values()).containsExactlyInAnyOrderElementsOf(result.devices());
            assertThat(lastProgress.get()).isEqualTo(254);
            assertThat(result.summary()).startsWith("5 AMT devices found in 254 addresses (" + lan.prefix + "1-");
        }
    }

    @Test
    void anEmptyRangeEndsQuicklyAndSaysSo() throws Exception {
        String prefix = LoopbackLan.randomPrefix();
        // AMT's own ports and the default pace: what a technician's first scan of an empty subnet costs.
        long start = System.nanoTime();
        ScanResult result = new DiscoveryScan(AddressRange.parse(prefix + "0/24"), DiscoverySettings.defaults(),
                new DiscoveryScan.Listener() { }).run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("empty /24 with default settings: %d ms (%s)%n", millis, result.summary());
        assertThat(result.devices()).isEmpty();
        assertThat(result.summary()).startsWith("No AMT device found in 254 addresses");
        assertThat(millis).isLessThan(15_000);
    }

    @Test
    void cancellingEndsTheScanAtOnce() throws Exception {
        String prefix = LoopbackLan.randomPrefix();
        DiscoveryScan scan = new DiscoveryScan(AddressRange.parse(prefix + "0/24"),
                DiscoverySettings.defaults().withRate(10), new DiscoveryScan.Listener() { });
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scan.cancel();
        });
        long start = System.nanoTime();
        ScanResult result = scan.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(result.cancelled()).isTrue();
        assertThat(result.summary()).endsWith("cancelled before the end");
        assertThat(millis).as("a 25 s scan cancelled after 0.3 s").isLessThan(5_000);
    }

    private static byte[] withTag(byte[] pong, int tag) {
        byte[] copy = pong.clone();
        copy[9] = (byte) tag;
        return copy;
    }
}
