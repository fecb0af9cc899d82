package dev.outband.simulator.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.simulator.device.RemoteAccessConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a virtual device call the MPS its remote-access set-up names, as AMT does: when a policy triggers and
 * environment detection puts the device where that server serves, it opens CIRA with the configured user and
 * password, trusting only the roots added with AddTrustedRootCertificate and checking the server's name (the
 * CN given with an IP address, else the FQDN). Any change of the set-up or the roots is applied at once:
 * removing the server or its policy stops the calls.
 */
public final class MpsCaller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MpsCaller.class);
    /** AuthMethod 2: user and password; the simulator has no client certificate for mutual authentication. */
    private static final int USER_PASSWORD = 2;

    /** What the device calls with; a different plan means a new connection. */
    private record Plan(RemoteAccessConfig.CallTarget target, List<X509Certificate> roots) {
    }

    private final VirtualDevice device;
    private final Runnable listener = this::reconcile;
    private Plan current;
    private CiraClient client;
    private boolean closed;

    private MpsCaller(VirtualDevice device) {
        this.device = device;
    }

    /** Starts following {@code device}'s set-up; close to stop (also any call in progress). */
    public static MpsCaller attach(VirtualDevice device) {
        MpsCaller caller = new MpsCaller(device);
        device.remoteAccess().onChange(caller.listener);
        device.certificates().onChange(caller.listener);
        device.remoteAccess().reportTunnelWith(caller::isForwarding);
        caller.reconcile();
        return caller;
    }

    /** The client of the current call, if the device calls now. */
    public synchronized Optional<CiraClient> client() {
        return Optional.ofNullable(client);
    }

    public synchronized boolean isForwarding() {
        return client != null && client.isForwarding();
    }

    private synchronized void reconcile() {
        if (closed) {
            return;
        }
        Plan wanted = plan().orElse(null);
        if (Objects.equals(wanted, current)) {
            return;
        }
        hangUp();
        current = wanted;
        if (wanted != null) {
            log.info("{}: calls {}:{}", device.name(), wanted.target().server().accessInfo(),
                    wanted.target().server().port());
            client = CiraClient.start(settings(wanted));
        }
    }

    private Optional<Plan> plan() {
        List<X509Certificate> roots = device.certificates().trustedRoots();
        return device.remoteAccess().callTarget()
                .filter(t -> t.server().authMethod() == USER_PASSWORD)
                // Without a trusted root the device cannot check the server, so it does not call.
                .filter(t -> !roots.isEmpty())
                .map(t -> new Plan(t, roots));
    }

    private CiraClientSettings settings(Plan plan) {
        RemoteAccessConfig.MpServer server = plan.target().server();
        var tls = DeviceSslContext.create(new TrustPolicy.TrustedRoots(plan.roots()), server.expectedName());
        CiraClientSettings settings = CiraClientSettings.of(server.accessInfo(), server.port(),
                new DeviceUuid(device.uuid()), server.username(), server.password().getBytes(StandardCharsets.UTF_8),
                ForwardedPorts.of(device, device.tls().sslContext()), tls.getSocketFactory());
        Duration interval = plan.target().interval();
        // A periodic policy tries again every interval; otherwise the client's own backoff applies.
        return interval.isZero() ? settings : settings.withReconnect(settings.reconnectMin(), interval);
    }

    private void hangUp() {
        if (client == null) {
            return;
        }
        try {
            client.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        device.remoteAccess().removeListener(listener);
        device.certificates().removeListener(listener);
        hangUp();
        current = null;
    }
}
