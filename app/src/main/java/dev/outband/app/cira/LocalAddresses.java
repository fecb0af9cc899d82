package dev.outband.app.cira;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The names devices may use for this machine: its host name and its LAN addresses, then loopback. */
public final class LocalAddresses {
    private LocalAddresses() {
    }

    public static List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        try {
            InetAddress local = InetAddress.getLocalHost();
            names.add(local.getHostName());
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                nic.inetAddresses().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                        .map(InetAddress::getHostAddress).filter(a -> !a.contains("%")).forEach(names::add);
            }
        } catch (IOException e) {
            // A machine without a resolvable name still serves devices that connect by IP.
        }
        names.add("localhost");
        names.add("127.0.0.1");
        return List.copyOf(names);
    }
}
