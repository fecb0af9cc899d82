package dev.outband.simulator.device;

import java.util.Optional;

/**
 * The wired port's addressing as AMT keeps it: a DHCP lease, a static address shared with the host OS, or a
 * static address of AMT's own. Changes persist for the session; bad values are refused with AMT's reasons.
 */
public final class WiredPort {
    /** The addressing in force; the address fields are those of the lease when DHCP is on. */
    public record Addressing(boolean dhcp, boolean ipSync, boolean sharedStaticIp, String ipAddress,
                             String subnetMask, String gateway, String primaryDns, String secondaryDns) {
    }

    private final Addressing lease;
    private Addressing current;

    public WiredPort(String leasedAddress) {
        this.lease = new Addressing(true, true, false, leasedAddress, "255.255.255.0", "192.168.6.1", "192.168.6.1",
                "");
        this.current = lease;
    }

    /** Unprovision: the port back on its DHCP lease. */
    public synchronized void reset() {
        current = lease;
    }

    public synchronized Addressing addressing() {
        return current;
    }

    /**
     * A Put of the wired port's settings; empty when accepted, else why AMT refuses it. With DHCP or IP sync AMT
     * takes no address of ours; a static address of its own needs a valid address, mask, gateway and DNS server.
     */
    public synchronized Optional<String> put(boolean dhcp, boolean ipSync, boolean sharedStaticIp,
            String ipAddress, String subnetMask, String gateway, String primaryDns, String secondaryDns) {
        if (dhcp) {
            current = lease;
            return Optional.empty();
        }
        if (ipSync) {
            // The host's static address: AMT learns it from the OS; the lease's is the one the OS had.
            current = new Addressing(false, true, true, lease.ipAddress(), lease.subnetMask(), lease.gateway(),
                    lease.primaryDns(), "");
            return Optional.empty();
        }
        if (sharedStaticIp) {
            return Optional.of("SharedStaticIp needs IpSyncEnabled");
        }
        for (String[] field : new String[][] {{"IPAddress", ipAddress}, {"SubnetMask", subnetMask},
                {"DefaultGateway", gateway}, {"PrimaryDNS", primaryDns}}) {
            if (ipv4(field[1]) == null) {
                return Optional.of(field[0] + " is not an IPv4 address: '" + field[1] + "'");
            }
        }
        if (!secondaryDns.isEmpty() && ipv4(secondaryDns) == null) {
            return Optional.of("SecondaryDNS is not an IPv4 address: '" + secondaryDns + "'");
        }
        if (!contiguous(ipv4(subnetMask))) {
            return Optional.of("SubnetMask is not a network mask: '" + subnetMask + "'");
        }
        current = new Addressing(false, false, false, ipAddress, subnetMask, gateway, primaryDns, secondaryDns);
        return Optional.empty();
    }

    /** Dotted-quad IPv4 text as four bytes, or null; parsed here, never looked up. */
    private static byte[] ipv4(String text) {
        if (text == null || !text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return null;
        }
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return null;
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    private static boolean contiguous(byte[] mask) {
        int bits = ((mask[0] & 0xFF) << 24) | ((mask[1] & 0xFF) << 16) | ((mask[2] & 0xFF) << 8) | (mask[3] & 0xFF);
        return bits != 0 && (~bits & (~bits + 1)) == 0;
    }
}
