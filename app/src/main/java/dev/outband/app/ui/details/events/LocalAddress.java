package dev.outband.app.ui.details.events;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The address this computer uses toward a device, as a URL host, or empty when no route is known (the technician
 * then types it); blocking (a name lookup), so off the FX thread.
 */
final class LocalAddress {
    /** Any port: connecting a datagram socket only picks a route, it sends nothing. */
    private static final int ANY_PORT = 16992;

    private LocalAddress() {
    }

    static String toward(String deviceHost) {
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName(deviceHost), ANY_PORT));
            return host(probe.getLocalAddress());
        } catch (IOException | RuntimeException unroutable) {
            return "";
        }
    }

    private static String host(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "";
        }
        String text = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + text.replaceAll("%.*", "") + "]" : text;
    }
}
