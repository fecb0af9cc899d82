package dev.outband.wsman.amt.network;

import dev.outband.wsman.soap.CimObject;
import java.util.List;

/**
 * One of AMT's network interfaces as AMT_EthernetPortSettings reports it: instance 0 the wired port, 1 the
 * wireless one. Addresses are empty when AMT reports none (a wireless port without a link, a DHCP lease not
 * yet taken). {@code ipSyncEnabled}: AMT takes the host OS's static address; {@code sharedStaticIp}: AMT and the
 * OS share one static address.
 */
public record EthernetPort(
        String instanceId, boolean wireless, String macAddress, boolean linkUp, boolean dhcpEnabled,
        String ipAddress, String subnetMask, String defaultGateway, String primaryDns, String secondaryDns,
        boolean ipSyncEnabled, boolean sharedStaticIp, boolean sharedMac, List<Integer> linkPolicy) {
    /** AMT's PhysicalConnectionType for a wireless LAN port. */
    static final long WIRELESS_LAN = 3;

    public static EthernetPort from(CimObject o) {
        return new EthernetPort(o.get("InstanceID"), o.getLong("PhysicalConnectionType", -1) == WIRELESS_LAN,
                o.get("MACAddress"), o.getBoolean("LinkIsUp"), o.getBoolean("DHCPEnabled"), o.get("IPAddress"),
                o.get("SubnetMask"), o.get("DefaultGateway"), o.get("PrimaryDNS"), o.get("SecondaryDNS"),
                o.getBoolean("IpSyncEnabled"), o.getBoolean("SharedStaticIp"), o.getBoolean("SharedMAC"),
                o.all("LinkPolicy").stream().map(Integer::valueOf).toList());
    }
}
