package dev.outband.simulator.device;

/**
 * The wired port's IP settings (AMT_EthernetPortSettings "… Settings 0"): DHCP as from the factory, or a static
 * address of its own or shared with the host (IpSyncEnabled), as a provisioning profile sets them.
 */
public final class WiredNetwork {
    /** One state of the port; the address fields are empty while DHCP assigns them. */
    public record Settings(boolean dhcp, boolean ipSync, boolean sharedStaticIp, String ipAddress, String subnetMask,
            String defaultGateway, String primaryDns, String secondaryDns) {
        static Settings factory() {
            return new Settings(true, true, false, "", "255.255.255.0", "192.168.6.1", "192.168.6.1", "");
        }

        /** AMT refuses a static port that neither shares the host's address nor has one of its own. */
        public boolean valid() {
            return dhcp || ipSync || !ipAddress.isBlank() && !subnetMask.isBlank();
        }
    }

    private Settings current = Settings.factory();

    public synchronized Settings current() {
        return current;
    }

    /** The new settings if AMT would take them, else false and nothing changes. */
    public synchronized boolean put(Settings updated) {
        if (!updated.valid()) {
            return false;
        }
        current = updated;
        return true;
    }

    public synchronized void reset() {
        current = Settings.factory();
    }
}
