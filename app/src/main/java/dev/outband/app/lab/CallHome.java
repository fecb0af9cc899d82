package dev.outband.app.lab;

import dev.outband.app.ca.LabAuthority;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PerDevice;
import dev.outband.app.cira.CiraAccounts;
import dev.outband.app.store.Device;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.certificates.DeviceCertificate;
import dev.outband.wsman.amt.remoteaccess.MpServer;
import dev.outband.wsman.amt.remoteaccess.MpServerEntry;
import dev.outband.wsman.amt.remoteaccess.PolicyRule;
import dev.outband.wsman.amt.remoteaccess.RemoteAccessService;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Sets a device up to call this laptop's listener over CIRA: the lab root as a trusted root (the
 * device checks the listener's certificate against it), this laptop as its MPS with the device's own
 * generated account, the rules for when it calls, where it counts as inside the intranet, and
 * user-initiated connections on; then waits until it calls in. Every step can run again.
 */
public final class CallHome {
    /** Where and when devices call. An empty {@code intranetDomains} means "always call". */
    public record Options(String listenerAddress, int listenerPort, Duration periodic, boolean onAlert,
                          List<String> intranetDomains, Duration waitForCall) {
        public Options {
            intranetDomains = List.copyOf(intranetDomains);
            if (listenerAddress == null || listenerAddress.isBlank()) {
                throw new IllegalArgumentException("the address devices use to reach this laptop is missing");
            }
        }

        public static Options to(String address, int port) {
            return new Options(address, port, Duration.ofHours(1), true, List.of(), Duration.ofMinutes(2));
        }

        public Options withIntranetDomains(List<String> domains) {
            return new Options(listenerAddress, listenerPort, periodic, onAlert, domains, waitForCall);
        }

        public Options withWaitForCall(Duration wait) {
            return new Options(listenerAddress, listenerPort, periodic, onAlert, intranetDomains, wait);
        }

        public Options withPeriodic(Duration every) {
            return new Options(listenerAddress, listenerPort, every, onAlert, intranetDomains, waitForCall);
        }
    }

    /** Never a real domain ("invalid" is reserved, RFC 2606): with it alone the device is always outside. */
    private static final String NEVER_INSIDE = "outband-lab.invalid";

    private final DeviceConnections connections;
    private final LabAuthority ca;
    private final CiraAccounts accounts;
    private final Predicate<DeviceUuid> calledIn;
    private final Clock clock;

    /** {@code calledIn} tells whether the listener has the device now; without a listener, pass {@code null}. */
    public CallHome(DeviceConnections connections, LabAuthority ca, CiraAccounts accounts,
                    Predicate<DeviceUuid> calledIn, Clock clock) {
        this.connections = connections;
        this.ca = ca;
        this.accounts = accounts;
        this.calledIn = calledIn;
        this.clock = clock;
    }

    public List<JobResult> setUp(List<Device> devices, Options options, Consumer<JobResult> progress)
            throws InterruptedException {
        return PerDevice.run(devices, d -> setUp(d, options), progress);
    }

    public List<JobResult> remove(List<Device> devices, Options options, Consumer<JobResult> progress)
            throws InterruptedException {
        return PerDevice.run(devices, d -> remove(d, options), progress);
    }

    JobResult setUp(Device device, Options options) {
        Steps steps = new Steps();
        try {
            steps.now("read the lab root");
            X509Certificate root = root();
            steps.now("connect");
            DeviceUuid uuid = configure(connections.client(device), root, options, steps);
            if (calledIn == null) {
                return steps.done(device, "set up; it calls " + options.listenerAddress() + ":"
                        + options.listenerPort() + " as " + uuid + " (start the listener to see it)");
            }
            steps.now("wait for the device to call in");
            awaitCall(uuid, options.waitForCall());
            return steps.done(device, "called in over CIRA as " + uuid);
        } catch (Exception e) {
            return steps.failed(device, e);
        }
    }

    /**
     * The device's side of Call this laptop over a client the caller reached it with (the activation server's
     * relay); the caller waits for the call itself.
     */
    public JobResult configureOver(AmtClient amt, Device device, Options options) {
        Steps steps = new Steps();
        try {
            steps.now("read the lab root");
            DeviceUuid uuid = configure(amt, root(), options, steps);
            return steps.done(device, "set up; it calls " + options.listenerAddress() + ":" + options.listenerPort()
                    + " as " + uuid);
        } catch (Exception e) {
            return steps.failed(device, e);
        }
    }

    private DeviceUuid configure(AmtClient amt, X509Certificate root, Options options, Steps steps)
            throws IOException, CertificateEncodingException {
        steps.now("read the device's UUID");
        DeviceUuid uuid = uuid(amt);
        steps.now("add the lab root as a trusted root");
        trustRoot(amt, root);
        steps.now("create the device's CIRA account");
        CiraAccounts.Account account = accounts.ensure(uuid);
        RemoteAccessService remote = amt.remoteAccess();
        steps.now("remove an older entry for this laptop");
        for (MpServerEntry old : remote.mpServers()) {
            if (old.address().equalsIgnoreCase(options.listenerAddress()) && old.port() == options.listenerPort()) {
                removeRulesAndServer(remote, old.name());
            }
        }
        steps.now("add this laptop as the device's MPS");
        String server = remote.addMpServer(new MpServer(options.listenerAddress(), options.listenerPort(),
                account.user(), account.password(), options.listenerAddress()));
        steps.now("add the rules for when the device calls");
        remote.addPolicyRule(PolicyRule.Trigger.USER_INITIATED, Duration.ZERO, server);
        remote.addPolicyRule(PolicyRule.Trigger.PERIODIC, options.periodic(), server);
        if (options.onAlert()) {
            remote.addPolicyRule(PolicyRule.Trigger.ALERT, Duration.ZERO, server);
        }
        steps.now("set where the device counts as inside the intranet");
        remote.setIntranetDomains(options.intranetDomains().isEmpty() ? List.of(NEVER_INSIDE)
                : options.intranetDomains());
        steps.now("allow the device to open its tunnel");
        remote.enableUserInitiatedConnections();
        return uuid;
    }

    private X509Certificate root() throws IOException {
        return ca.root().orElseThrow(() -> new IOException(
                "there is no lab CA yet: create one, and let it sign the listener's certificate"));
    }

    JobResult remove(Device device, Options options) {
        Steps steps = new Steps();
        try {
            steps.now("connect");
            AmtClient amt = connections.client(device);
            steps.now("read the device's UUID");
            DeviceUuid uuid = uuid(amt);
            RemoteAccessService remote = amt.remoteAccess();
            steps.now("remove this laptop as the device's MPS");
            for (MpServerEntry entry : remote.mpServers()) {
                if (entry.address().equalsIgnoreCase(options.listenerAddress()) && entry.port() == options.listenerPort()) {
                    removeRulesAndServer(remote, entry.name());
                }
            }
            steps.now("remove the device's CIRA account");
            accounts.remove(uuid);
            return steps.done(device, "no longer calls " + options.listenerAddress());
        } catch (Exception e) {
            return steps.failed(device, e);
        }
    }

    /** AMT refuses to delete a server that rules point at, so the rules go first. */
    private static void removeRulesAndServer(RemoteAccessService remote, String serverName) throws IOException {
        for (PolicyRule rule : remote.policyRules()) {
            remote.deletePolicyRule(rule.name());
        }
        remote.deleteMpServer(serverName);
    }

    private static DeviceUuid uuid(AmtClient amt) throws IOException {
        UUID uuid = amt.identity().read().uuid();
        if (uuid == null) {
            throw new IOException("the device reports no platform UUID");
        }
        return new DeviceUuid(uuid);
    }

    private static void trustRoot(AmtClient amt, X509Certificate root) throws IOException, CertificateEncodingException {
        byte[] encoded = root.getEncoded();
        for (DeviceCertificate c : amt.certificates().certificates()) {
            if (c.trustedRoot() && Arrays.equals(c.certificate().getEncoded(), encoded)) {
                return;
            }
        }
        try {
            amt.certificates().addTrustedRoot(root);
        } catch (ReturnValueException e) {
            if (!e.returnValueName().toLowerCase(Locale.ROOT).equals("duplicate")) {
                throw e;
            }
        }
    }

    private void awaitCall(DeviceUuid uuid, Duration within) throws IOException, InterruptedException {
        Instant deadline = clock.instant().plus(within);
        while (!calledIn.test(uuid)) {
            if (clock.instant().isAfter(deadline)) {
                throw new IOException("the device did not call within " + within.toSeconds()
                        + " s: is the listener running on that address and port, and can the device reach it?");
            }
            Thread.sleep(250);
        }
    }
}
