package dev.outband.simulator.device;

import dev.outband.simulator.net.PresenceResponder;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.wsman.discovery.RmcpCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.net.ssl.SSLServerSocketFactory;

/** N virtual devices with their WS-Man ports on loopback, started and stopped together. */
public final class DeviceFleet implements AutoCloseable {
    /** One running device and where to reach it; {@code presence} answers presence pings, or is null. */
    public record Member(VirtualDevice device, DevicePorts ports, PresenceResponder presence) {
        public Member(VirtualDevice device, DevicePorts ports) {
            this(device, ports, null);
        }

        /**
         * A device on its own loopback address with AMT's layout: {@code httpPort}, TLS on the next port, KVM and
         * KVM over TLS on the two after; presence pings answered on UDP {@code rmcpPort} (0: not answered).
         */
        public static Member onAddress(VirtualDevice device, InetAddress address, int httpPort, int rmcpPort,
                SSLServerSocketFactory tls) throws IOException {
            DevicePorts ports = httpPort > 0
                    ? DevicePorts.open(device, address, httpPort, httpPort + 1, httpPort + 2, httpPort + 3, tls)
                    : DevicePorts.open(device, address, 0, 0, 0, 0, tls);
            if (rmcpPort <= 0) {
                return new Member(device, ports);
            }
            try {
                return new Member(device, ports, PresenceResponder.start(device.name(), address, rmcpPort,
                        ping -> RmcpCodec.encode(ports.pong(ping))));
            } catch (IOException e) {
                ports.close();
                throw e;
            }
        }
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
        return start(count, basePort, user, password, tls, bootDuration, i -> false);
    }

    /** As {@link #start(int, int, String, String, SSLServerSocketFactory, Duration)}; device i (from 0) is not
     * provisioned when {@code unprovisioned} says so. */
    public static DeviceFleet start(int count, int basePort, String user, String password,
            SSLServerSocketFactory tls, Duration bootDuration, IntPredicate unprovisioned) throws IOException {
        List<Member> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                VirtualDevice device = new VirtualDevice(config(i, user, password, bootDuration, unprovisioned));
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

    /**
     * Starts {@code count} devices named sim-1..sim-N on loopback addresses of their own, from {@code first}
     * on, each with the same ports as an AMT device has on its own address (see {@link Member#onAddress});
     * device i (from 0) is not provisioned when {@code unprovisioned} says so.
     */
    public static DeviceFleet startAt(InetAddress first, int count, int httpPort, int rmcpPort, String user,
            String password, SSLServerSocketFactory tls, Duration bootDuration, IntPredicate unprovisioned)
            throws IOException {
        List<Member> started = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                VirtualDevice device = new VirtualDevice(config(i, user, password, bootDuration, unprovisioned));
                started.add(Member.onAddress(device, offset(first, i), httpPort, rmcpPort, tls));
            }
        } catch (IOException e) {
            new DeviceFleet(started).close();
            throw e;
        }
        return new DeviceFleet(started);
    }

    private static DeviceConfig config(int i, String user, String password, Duration bootDuration,
            IntPredicate unprovisioned) {
        return DeviceConfig.of("sim-" + (i + 1), user, password).withBootDuration(bootDuration)
                .withProvisioningState(unprovisioned.test(i) ? DeviceConfig.PRE_PROVISIONING
                        : DeviceConfig.POST_PROVISIONING);
    }

    /** The address {@code n} after {@code first}, staying within 127.0.0.0/8. */
    public static InetAddress offset(InetAddress first, int n) throws UnknownHostException {
        byte[] b = first.getAddress();
        if (b.length != 4) {
            throw new UnknownHostException("virtual devices need IPv4 loopback addresses (127.x.y.z): " + first);
        }
        long value = ((b[0] & 0xFFL) << 24 | (b[1] & 0xFFL) << 16 | (b[2] & 0xFFL) << 8 | b[3] & 0xFFL) + n;
        InetAddress address = InetAddress.getByAddress(
                new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
        if (!address.isLoopbackAddress()) {
            throw new UnknownHostException("virtual devices need IPv4 loopback addresses (127.x.y.z): " + address);
        }
        return address;
    }

    public List<Member> members() {
        return members;
    }

    @Override
    public void close() {
        for (Member m : members) {
            if (m.presence() != null) {
                m.presence().close();
            }
            try {
                m.ports().close();
            } catch (IOException ignored) {
                // Closing a listening socket only fails if it is already closed.
            }
        }
    }
}
