package dev.outband.app.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.cira.CiraClientSettings;
import dev.outband.simulator.cira.ForwardedPorts;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.tls.Certificates;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/** A virtual AMT device that calls a lab listener over CIRA, serving WS-Man and KVM through the tunnel. */
public final class SimulatedCiraDevice {
    public static final String USER = "lab-cira";
    public static final String PASSWORD = "Cira-P@ssw0rd";

    private SimulatedCiraDevice() {
    }

    /** Loopback only, short timeouts: what every test listener uses. */
    public static ListenerSettings loopbackSettings() {
        return ListenerSettings.defaults().withBindAddress(InetAddress.getLoopbackAddress())
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2));
    }

    /** The request that starts a listener on a free port with the lab's CIRA account. */
    public static StartRequest freePort() {
        return new StartRequest(0, USER, PASSWORD.toCharArray(), null);
    }

    /** Connects {@code device} to the running listener; the caller closes the client. */
    public static CiraClient connect(LabListener listener, VirtualDevice device) throws Exception {
        return connect(listener, device, null);
    }

    /** As {@link #connect(LabListener, VirtualDevice)}, also forwarding 16993/16995 served with {@code deviceTls}. */
    public static CiraClient connect(LabListener listener, VirtualDevice device, SSLContext deviceTls)
            throws Exception {
        CiraClient client = start(listener, device, deviceTls, USER, PASSWORD.getBytes(StandardCharsets.UTF_8));
        if (!client.awaitForwarding(Duration.ofSeconds(20))) {
            client.close();
            throw new AssertionError("the simulated device did not reach port forwarding");
        }
        return client;
    }

    /** Starts {@code device} calling the listener with the given CIRA account; it may or may not get in. */
    public static CiraClient start(LabListener listener, VirtualDevice device, SSLContext deviceTls, String user,
                                   byte[] password) throws Exception {
        return CiraClient.start(CiraClientSettings.of("127.0.0.1", listener.port(), new DeviceUuid(device.uuid()),
                user, password, ForwardedPorts.of(device, deviceTls), trusting(listener.certificate().orElseThrow()))
                .withKeepAliveInterval(Duration.ofSeconds(1)));
    }

    /** A device checks its MPS: this one accepts exactly the listener's certificate. */
    private static SSLSocketFactory trusting(X509Certificate certificate) {
        return DeviceSslContext.create(new TrustPolicy.Pinned(Certificates.sha256(certificate)), "127.0.0.1")
                .getSocketFactory();
    }
}
