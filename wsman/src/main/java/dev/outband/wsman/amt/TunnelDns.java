package dev.outband.wsman.amt;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * Name lookup for requests that travel a tunnel (a CIRA channel), which reaches its device whatever the
 * address says. A device behind NAT often has a name only its own network resolves, and that is the name
 * its certificate carries: asking this machine's DNS would fail before the tunnel is tried. The name
 * stays as given for TLS (SNI and the name check); the address is a placeholder the tunnel ignores.
 */
final class TunnelDns implements Dns {
    static final TunnelDns INSTANCE = new TunnelDns();
    private static final byte[] UNSPECIFIED = {0, 0, 0, 0};

    private TunnelDns() {
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        return List.of(InetAddress.getByAddress(hostname, UNSPECIFIED));
    }
}
