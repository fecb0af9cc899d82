package dev.outband.wsman.amt.network;

import dev.outband.wsman.soap.CimObject;
import java.util.Map;

/** A wireless profile AMT keeps (CIM_WiFiEndpointSettings): the network it joins and how it authenticates. */
public record WifiProfile(String name, String ssid, int priority, String authentication, String encryption) {
    /** CIM_WiFiEndpointSettings.AuthenticationMethod values, named as DMT's MPS names them. */
    private static final Map<Long, String> AUTHENTICATION = Map.of(1L, "Other", 2L, "Open system", 3L, "Shared key",
            4L, "WPA PSK", 5L, "WPA 802.1X", 6L, "WPA2 PSK", 7L, "WPA2 802.1X", 32768L, "WPA3 SAE", 32769L, "WPA3 OWE");
    /** CIM_WiFiEndpointSettings.EncryptionMethod values. */
    private static final Map<Long, String> ENCRYPTION = Map.of(1L, "Other", 2L, "WEP", 3L, "TKIP", 4L, "CCMP",
            5L, "None");

    public static WifiProfile from(CimObject o) {
        return new WifiProfile(o.get("ElementName"), o.get("SSID"), (int) o.getLong("Priority", 0),
                named(AUTHENTICATION, o.getLong("AuthenticationMethod", 0)),
                named(ENCRYPTION, o.getLong("EncryptionMethod", 0)));
    }

    private static String named(Map<Long, String> names, long value) {
        return names.getOrDefault(value, "Unknown (" + value + ")");
    }
}
