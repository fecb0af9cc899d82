package dev.outband.simulator.device;

import dev.outband.simulator.wsman.DevicePorts;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLServerSocketFactory;

/** N virtual devices with their WS-Man ports on loopback, started and stopped together. */
public final class DeviceFleet implements AutoCloseable {
    /** One running device and where to reach it. */
    public record Member(VirtualDevice device, DevicePorts ports) {
    }

    private final List<Member> members;

    private DeviceFleet(List<Member> members) {
        this.members = List.copyOf(members);
    }

    /**
     * Starts {@code count} devices named sim-1..sim-N. With {@code basePort} > 0 device i listens on
     * basePort + 2i (HTTP), basePort + 2i + 1 (TLS), basePort + 2·count + i (KVM) and basePort + 3·count + i
     * (KVM over TLS), so one device on 16992 has AMT's own 16992/16993/16994/16995; 0 picks free ports.
     */
    public static DeviceFleet start(int count, int basePort, String user, String password,
            SSLServerSocketFactory tls, Duration bootDuration) throws IOException {
        List<Member> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                VirtualDevice device = new VirtualDevice(
                        DeviceConfig.of("sim-" + (i + 1), user, password).withBootDuration(bootDuration));
                int http = basePort > 0 ? basePort + 2 * i : 0;
                int secure = basePort > 0 ? basePort + 2 * i + 1 : 0;
                int kvm = basePort > 0 ? basePort + 2 * count + i : 0;
                int kvmTls = basePort > 0 ? basePort + 3 * count + i : 0;
                started.add(new Member(device, DevicePorts.open(device, http, secure, kvm, kvmTls, tls)));
            }
        } catch (IOException e) {
            new DeviceFleet(started).close();
            throw e;
        }
        return new DeviceFleet(started);
    }

    public List<Member> members() {
        return members;
    }

    @Override
    public void close() {
        for (Member m : members) {
            try {
                m.ports().close();
            } catch (IOException ignored) {
                // Closing a listening socket only fails if it is already closed.
            }
        }
    }
}
