package dev.outband.simulator.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.kvm.DeviceScreen;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every device of a fleet calls one CIRA listener, as devices configured with that MPS would, and serves
 * WS-Man (16992) and KVM redirection (16994) through the tunnel. The listener's certificate must be the
 * pinned one: a simulated device checks its MPS like a real one.
 */
public final class CiraCallHome implements AutoCloseable {
    private final List<CiraClient> clients;

    private CiraCallHome(List<CiraClient> clients) {
        this.clients = List.copyOf(clients);
    }

    public static CiraCallHome start(DeviceFleet fleet, String host, int port, String user, byte[] password,
                                     String listenerSha256) {
        var tls = DeviceSslContext.create(new TrustPolicy.Pinned(listenerSha256), host).getSocketFactory();
        List<CiraClient> clients = new ArrayList<>();
        for (DeviceFleet.Member m : fleet.members()) {
            clients.add(CiraClient.start(CiraClientSettings.of(host, port, new DeviceUuid(m.device().uuid()), user,
                    password, Map.of(16992, m.device().wsmanHandler(), 16994,
                            DeviceScreen.redirectionServer(m.device())), tls)));
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
