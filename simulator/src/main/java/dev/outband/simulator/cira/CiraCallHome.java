package dev.outband.simulator.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Every device of a fleet calls one CIRA listener, as devices configured with that MPS would, forwards the
 * ports real AMT forwards, and serves WS-Man (16992) and KVM redirection (16994) through the tunnel, and
 * with TLS also 16993 and 16995. The listener's certificate must be the pinned one: a simulated device checks
 * its MPS like a real one.
 */
public final class CiraCallHome implements AutoCloseable {
    private final List<CiraClient> clients;

    private CiraCallHome(List<CiraClient> clients) {
        this.clients = List.copyOf(clients);
    }

    /** {@code deviceTls} is the devices' own TLS identity (the one on their TLS ports); null when they have none. */
    public static CiraCallHome start(DeviceFleet fleet, String host, int port, String user, byte[] password,
                                     String listenerSha256, SSLContext deviceTls) {
        var tls = DeviceSslContext.create(new TrustPolicy.Pinned(listenerSha256), host).getSocketFactory();
        List<CiraClient> clients = new ArrayList<>();
        for (DeviceFleet.Member m : fleet.members()) {
            clients.add(CiraClient.start(CiraClientSettings.of(host, port, new DeviceUuid(m.device().uuid()), user,
                    password, ForwardedPorts.of(m.device(), deviceTls), tls).withForwards(ForwardedPorts.AMT_ORDER)));
        }
        return new CiraCallHome(clients);
    }

    public List<CiraClient> clients() {
        return clients;
    }

    @Override
    public void close() throws InterruptedException {
        for (CiraClient client : clients) {
            client.close();
        }
    }
}
