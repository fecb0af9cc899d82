package dev.outband.wsman.amt.network;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.List;

/** AMT's wired and wireless network settings: read both, edit the wired port's addressing. */
public final class NetworkService {
    static final String SETTINGS = "AMT_EthernetPortSettings";

    private final WsmanClient wsman;

    public NetworkService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public NetworkSettings read() throws WsmanException {
        List<EthernetPort> ports = wsman.enumerate(SETTINGS).stream().map(EthernetPort::from).toList();
        if (ports.stream().noneMatch(EthernetPort::wireless)) {
            return new NetworkSettings(ports, 0, List.of());
        }
        long wifiState = wsman.enumerate("CIM_WiFiPort").stream().findFirst()
                .map(p -> p.getLong("EnabledState", 0)).orElse(0L);
        List<WifiProfile> profiles = wsman.enumerate("CIM_WiFiEndpointSettings").stream().map(WifiProfile::from)
                .toList();
        return new NetworkSettings(ports, wifiState, profiles);
    }

    /**
     * Puts the wired port's new addressing: the instance's identity and shared-MAC setting as the device sent
     * them, the mode's flags, and address fields only for a static address of AMT's own (AMT keeps the old
     * static address when it is sent empty fields, so they are left out).
     */
    public EthernetPort setWired(WiredSettings settings) throws WsmanException {
        CimObject current = wsman.enumerate(SETTINGS).stream()
                .filter(o -> o.getLong("PhysicalConnectionType", -1) != EthernetPort.WIRELESS_LAN).findFirst()
                .orElseThrow(() -> new WsmanException.MalformedReply("the device reports no wired port", null));
        boolean dhcp = settings.mode() == WiredSettings.Mode.DHCP;
        boolean sync = settings.mode() != WiredSettings.Mode.STATIC;
        List<Argument> body = new ArrayList<>(List.of(
                Argument.of("DHCPEnabled", dhcp),
                Argument.of("ElementName", current.get("ElementName")),
                Argument.of("InstanceID", current.get("InstanceID")),
                Argument.of("IpSyncEnabled", sync),
                Argument.of("SharedMAC", current.getBoolean("SharedMAC")),
                Argument.of("SharedStaticIp", !dhcp && sync)));
        if (settings.mode() == WiredSettings.Mode.STATIC) {
            body.add(Argument.of("IPAddress", settings.ipAddress()));
            body.add(Argument.of("SubnetMask", settings.subnetMask()));
            body.add(Argument.of("DefaultGateway", settings.gateway()));
            body.add(Argument.of("PrimaryDNS", settings.primaryDns()));
            if (!settings.secondaryDns().isBlank()) {
                body.add(Argument.of("SecondaryDNS", settings.secondaryDns()));
            }
        }
        return EthernetPort.from(wsman.put(Reference.of(SETTINGS, "InstanceID", current.get("InstanceID")), body));
    }
}
