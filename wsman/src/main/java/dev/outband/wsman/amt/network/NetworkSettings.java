package dev.outband.wsman.amt.network;

import java.util.List;
import java.util.Optional;

/**
 * What AMT's network page shows: its ports, whether its Wi-Fi port is on ({@code wifiState} as CIM_WiFiPort's
 * EnabledState: 3 off, 32768 on in S0, 32769 on in S0 and Sx/AC; 0 when the device has no Wi-Fi port) and its
 * wireless profiles.
 */
public record NetworkSettings(List<EthernetPort> ports, long wifiState, List<WifiProfile> wifiProfiles) {
    public NetworkSettings {
        ports = List.copyOf(ports);
        wifiProfiles = List.copyOf(wifiProfiles);
    }

    public Optional<EthernetPort> wired() {
        return ports.stream().filter(p -> !p.wireless()).findFirst();
    }

    public Optional<EthernetPort> wireless() {
        return ports.stream().filter(EthernetPort::wireless).findFirst();
    }
}
