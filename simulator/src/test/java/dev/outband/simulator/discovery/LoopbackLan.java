package dev.outband.simulator.discovery;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DeviceCertificates;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLServerSocketFactory;

/**
 * A /24 of loopback addresses (127.X.Y.0/24, X and Y random so parallel runs and other sessions' tests do not
 * meet) with virtual devices on chosen hosts, each on the same high ports as AMT has on its own address.
 * Linux routes all of 127.0.0.0/8 to lo: no set-up and no root.
 */
final class LoopbackLan implements AutoCloseable {
    /** One device to place: host number, TLS (a self-signed certificate, as AMT's), provisioned, version. */
    record Host(int host, boolean tls, boolean provisioned, String version) {
    }

    private static final int ATTEMPTS = 8;

    final String prefix;
    final int httpPort;
    final int rmcpPort;
    final List<DeviceFleet.Member> members;
    final DeviceCertificates.Issued identity;

    private LoopbackLan(String prefix, int httpPort, int rmcpPort, List<DeviceFleet.Member> members,
            DeviceCertificates.Issued identity) {
        this.prefix = prefix;
        this.httpPort = httpPort;
        this.rmcpPort = rmcpPort;
        this.members = members;
        this.identity = identity;
    }

    /** A fresh random /24 prefix such as "127.143.17." with nothing of ours on it. */
    static String randomPrefix() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "127." + r.nextInt(100, 250) + "." + r.nextInt(1, 255) + ".";
    }

    static LoopbackLan start(List<Host> hosts) throws IOException, GeneralSecurityException {
        DeviceCertificates.Issued identity = DeviceCertificates.authority("Intel(R) AMT simulated");
        SSLServerSocketFactory tls = DeviceCertificates.serverSocketFactory(identity);
        BindException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String prefix = randomPrefix();
            ThreadLocalRandom r = ThreadLocalRandom.current();
            int http = r.nextInt(20_000, 50_000) & ~3;
            int rmcp = r.nextInt(50_000, 60_000);
            List<DeviceFleet.Member> started = new ArrayList<>();
            try {
                for (Host h : hosts) {
                    DeviceConfig config = DeviceConfig.of("sim-" + h.host(), "admin", "P@ssw0rd!")
                            .withAmtVersion(h.version())
                            .withProvisioningState(h.provisioned() ? DeviceConfig.POST_PROVISIONING
                                    : DeviceConfig.PRE_PROVISIONING);
                    started.add(DeviceFleet.Member.onAddress(new VirtualDevice(config),
                            InetAddress.ofLiteral(prefix + h.host()), http, rmcp, h.tls() ? tls : null));
                }
                return new LoopbackLan(prefix, http, rmcp, started, identity);
            } catch (BindException e) {
                // Another process holds one of these ports on a wildcard address: try other numbers.
                closeAll(started);
                last = e;
            }
        }
        throw last;
    }

    String cidr() {
        return prefix + "0/24";
    }

    VirtualDevice device(int host) {
        return members.stream().filter(m -> m.ports().address().getHostAddress().equals(prefix + host)).findFirst()
                .orElseThrow().device();
    }

    @Override
    public void close() {
        closeAll(members);
    }

    private static void closeAll(List<DeviceFleet.Member> members) {
        for (DeviceFleet.Member m : members) {
            if (m.presence() != null) {
                m.presence().close();
            }
            try {
                m.ports().close();
            } catch (IOException ignored) {
                // Closing a listening socket only fails when it is closed already.
            }
        }
    }
}
