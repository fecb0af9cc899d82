package dev.outband.wsman.discovery;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One AMT device found at an address, its answers merged: the pong's and each port's.
 *
 * @param address the IPv4 address
 * @param ports the AMT ports that answered as AMT (or that the pong names when no port was reachable)
 * @param tls TLS is open (a TLS port answered, or the pong says both ports are open)
 * @param version the firmware version: the Server header's when a port answered, else the pong's major.minor
 * @param provisioning from the pong; null without one
 * @param realm the digest realm of /wsman, or null
 * @param sha256 the TLS certificate's SHA-256 (lower-case hex), or null
 * @param rmcp it answered the presence ping
 */
public record DiscoveredDevice(String address, List<Integer> ports, boolean tls, String version,
                               ProvisioningState provisioning, String realm, String sha256, boolean rmcp) {
    /** Numeric address order (10.0.0.9 before 10.0.0.10), as a scan lists its findings. */
    public static final Comparator<DiscoveredDevice> BY_ADDRESS =
            Comparator.comparingLong(d -> AddressRange.value(InetAddress.ofLiteral(d.address())));

    public DiscoveredDevice {
        ports = List.copyOf(ports);
    }

    /** What an address said, or null when nothing named Intel AMT (a BMC's pong, another web server). */
    static DiscoveredDevice merge(String address, PresencePong pong, Collection<PortProbe> probes, int tlsPort) {
        List<PortProbe> amt = probes.stream().filter(PortProbe::amt).toList();
        boolean intelPong = pong != null && pong.intel();
        if (!intelPong && amt.isEmpty()) {
            return null;
        }
        TreeSet<Integer> ports = new TreeSet<>();
        amt.forEach(p -> ports.add(p.port()));
        if (ports.isEmpty()) {
            ports.add(pong.port());
            if (pong.bothPorts()) {
                ports.add(tlsPort);
            }
        }
        boolean tls = amt.stream().anyMatch(PortProbe::tls)
                || intelPong && (pong.bothPorts() || pong.port() == tlsPort);
        String version = amt.stream().map(PortProbe::version).filter(Objects::nonNull).findFirst()
                .orElse(intelPong ? pong.version() : null);
        String realm = amt.stream().map(PortProbe::realm).filter(Objects::nonNull).findFirst().orElse(null);
        String sha256 = amt.stream().map(PortProbe::sha256).filter(Objects::nonNull).findFirst().orElse(null);
        return new DiscoveredDevice(address, List.copyOf(ports), tls, version,
                intelPong ? pong.provisioning() : null, realm, sha256, intelPong);
    }
}
