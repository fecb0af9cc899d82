package dev.outband.wsman.amt.network;

/**
 * The wired port's addressing as a technician sets it. DHCP: AMT takes its lease and follows the host.
 * HOST_SYNC: a static address that AMT takes from the host OS (shared). STATIC: AMT's own static address,
 * mask, gateway and DNS servers (the address fields are used only here).
 */
public record WiredSettings(Mode mode, String ipAddress, String subnetMask, String gateway, String primaryDns,
                            String secondaryDns) {
    public enum Mode { DHCP, HOST_SYNC, STATIC }

    public static WiredSettings of(Mode mode) {
        return new WiredSettings(mode, "", "", "", "", "");
    }

    public static WiredSettings staticAddress(String ipAddress, String subnetMask, String gateway, String primaryDns,
                                              String secondaryDns) {
        return new WiredSettings(Mode.STATIC, ipAddress, subnetMask, gateway, primaryDns, secondaryDns);
    }

    /** The mode a port is in, as AMT_EthernetPortSettings reports it. */
    public static Mode modeOf(EthernetPort port) {
        return port.dhcpEnabled() ? Mode.DHCP : port.ipSyncEnabled() ? Mode.HOST_SYNC : Mode.STATIC;
    }
}
