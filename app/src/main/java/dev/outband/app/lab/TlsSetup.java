package dev.outband.app.lab;

import dev.outband.app.ca.LabAuthority;
import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PerDevice;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.TlsMode;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.certificates.DeviceCertificate;
import dev.outband.wsman.amt.certificates.DeviceKeyPair;
import dev.outband.wsman.amt.tls.TlsSetting;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a device's own TLS on with a certificate from the lab CA (the device makes the key, the CA
 * signs it), or off again, and switches the stored device to match. Each step is named, so a failure
 * says where it stopped; every step is safe to repeat, so running the job again finishes it.
 */
public final class TlsSetup {
    /** How the job runs; {@link #defaults()} is what the console and CLI use unless told otherwise. */
    public record Options(Duration validity, boolean acceptPlain, boolean replace, Duration reconnectWithin,
                          int renewWithinDays) {
        public static Options defaults() {
            return new Options(LabAuthority.DEFAULT_DEVICE_VALIDITY, false, false, Duration.ofSeconds(60), 30);
        }

        public Options withValidity(Duration v) {
            return new Options(v, acceptPlain, replace, reconnectWithin, renewWithinDays);
        }

        public Options withAcceptPlain(boolean a) {
            return new Options(validity, a, replace, reconnectWithin, renewWithinDays);
        }

        public Options withReplace(boolean r) {
            return new Options(validity, acceptPlain, r, reconnectWithin, renewWithinDays);
        }
    }

    private static final int KEY_BITS = 2048;

    private final DeviceConnections connections;
    private final DeviceRepository repository;
    private final LabAuthority ca;
    private final Clock clock;

    public TlsSetup(DeviceConnections connections, DeviceRepository repository, LabAuthority ca, Clock clock) {
        this.connections = connections;
        this.repository = repository;
        this.ca = ca;
        this.clock = clock;
    }

    public List<JobResult> enable(List<Device> devices, Options options, Consumer<JobResult> progress)
            throws InterruptedException {
        return PerDevice.run(devices, d -> enable(d, options), progress);
    }

    public List<JobResult> disable(List<Device> devices, Options options, Consumer<JobResult> progress)
            throws InterruptedException {
        return PerDevice.run(devices, d -> disable(d, options), progress);
    }

    JobResult enable(Device device, Options options) {
        Steps steps = new Steps();
        try {
            steps.now("read the lab root");
            X509Certificate root = root();
            steps.now("connect");
            AmtClient amt = reach(device);
            Installed installed = install(amt, device, root, options, steps);
            steps.now("reconnect over TLS verifying the lab root");
            Device secure = device.withTls(TlsMode.VERIFY, null);
            awaitReachable(secure, options.reconnectWithin());
            steps.now("save the device");
            repository.changeTls(device.id(), TlsMode.VERIFY);
            if (!installed.kept() && installed.replaced().isPresent()) {
                steps.now("remove the replaced certificate and its key pair");
                removeReplaced(connections.client(secure), installed.stored(), installed.replaced().get());
            }
            return steps.done(device, installed.kept()
                    ? "TLS on, with the lab certificate it already had" : "TLS on, certificate issued by the lab CA");
        } catch (Exception e) {
            return steps.failed(device, e);
        }
    }

    /**
     * The device's side of Turn TLS on, through the commit, over a client the caller reached the device with
     * (the activation server's relay): the caller checks the device over TLS and saves it afterwards, since a
     * plain connection ends with the commit.
     */
    public JobResult installOver(AmtClient amt, Device device, Options options) {
        Steps steps = new Steps();
        try {
            steps.now("read the lab root");
            X509Certificate root = root();
            install(amt, device, root, options, steps);
            return steps.done(device, "TLS on, certificate issued by the lab CA");
        } catch (Exception e) {
            return steps.failed(device, e);
        }
    }

    /** What {@link #install} left: whether the certificate was kept, and the one it replaced. */
    private record Installed(boolean kept, Optional<String> replaced, List<DeviceCertificate> stored) {
    }

    private Installed install(AmtClient amt, Device device, X509Certificate root, Options options, Steps steps)
            throws IOException, GeneralSecurityException {
        steps.now("read the device's certificates");
        Optional<String> current = amt.tls().serverCertificate();
        List<DeviceCertificate> stored = amt.certificates().certificates();
        Optional<DeviceCertificate> kept = current.flatMap(id -> find(stored, id))
                .filter(c -> !options.replace() && issuedBy(c.certificate(), root) && fresh(c.certificate(), options));
        String certificateId;
        if (kept.isPresent()) {
            certificateId = kept.get().instanceId();
        } else {
            steps.now("generate a key pair on the device");
            String keyPair = amt.certificates().generateKeyPair(KEY_BITS);
            steps.now("read the device's public key");
            PublicKey key = amt.certificates().keyPair(keyPair).publicKey();
            steps.now("sign the certificate");
            X509Certificate issued = ca.issueDeviceCertificate(device.name(), key, names(device), options.validity());
            steps.now("add the certificate to the device");
            certificateId = amt.certificates().addCertificate(issued);
            steps.now("use the certificate for TLS");
            amt.tls().useServerCertificate(certificateId);
        }
        steps.now("turn TLS on");
        for (TlsSetting setting : amt.tls().settings()) {
            boolean acceptPlain = setting.local() ? setting.acceptNonSecureConnections() : options.acceptPlain();
            if (!setting.enabled() || setting.acceptNonSecureConnections() != acceptPlain) {
                amt.tls().put(setting.with(true, acceptPlain));
            }
        }
        steps.now("commit the change");
        amt.tls().commit();
        String id = certificateId;
        return new Installed(kept.isPresent(), current.filter(c -> !c.equals(id)), stored);
    }

    private X509Certificate root() throws IOException {
        return ca.root().orElseThrow(() -> new IOException(
                "there is no lab CA yet: create one (Certificates, or outband ca create)"));
    }

    JobResult disable(Device device, Options options) {
        Steps steps = new Steps();
        try {
            steps.now("connect");
            AmtClient amt = connections.client(device);
            steps.now("turn TLS off");
            for (TlsSetting setting : amt.tls().settings()) {
                if (setting.enabled()) {
                    amt.tls().put(setting.with(false, true));
                }
            }
            steps.now("commit the change");
            amt.tls().commit();
            steps.now("reconnect without TLS");
            awaitReachable(device.withTls(TlsMode.NONE, null), options.reconnectWithin());
            steps.now("save the device");
            repository.changeTls(device.id(), TlsMode.NONE);
            return steps.done(device, "TLS off");
        } catch (Exception e) {
            return steps.failed(device, e);
        }
    }

    /** The device as stored, or, when a plain device no longer answers, over TLS: a run that stopped after the commit. */
    private AmtClient reach(Device device) throws IOException {
        AmtClient stored = connections.client(device);
        try {
            stored.tls().settings();
            return stored;
        } catch (WsmanException.Unreachable | WsmanException.NetworkTimeout plainClosed) {
            if (device.tls() != TlsMode.NONE) {
                throw plainClosed;
            }
            AmtClient secure = connections.client(device.withTls(TlsMode.VERIFY, null));
            try {
                secure.tls().settings();
            } catch (IOException alsoNot) {
                throw plainClosed;
            }
            return secure;
        }
    }

    /** AMT restarts its TLS stack after a commit; a refused connection meanwhile is expected, a refused certificate is not. */
    private void awaitReachable(Device device, Duration within) throws IOException, InterruptedException {
        Instant deadline = clock.instant().plus(within);
        while (true) {
            try {
                connections.client(device).tls().settings();
                return;
            } catch (WsmanException.Unreachable | WsmanException.NetworkTimeout notYet) {
                if (clock.instant().isAfter(deadline)) {
                    throw new IOException("the device did not answer within " + within.toSeconds() + " s", notYet);
                }
                Thread.sleep(500);
            }
        }
    }

    /** AMT holds few key pairs: the one behind a replaced certificate goes with it. */
    private static void removeReplaced(AmtClient amt, List<DeviceCertificate> stored, String certificateId)
            throws IOException {
        Optional<DeviceCertificate> replaced = find(stored, certificateId);
        amt.certificates().deleteCertificate(certificateId);
        if (replaced.isPresent()) {
            PublicKey key = replaced.get().certificate().getPublicKey();
            for (DeviceKeyPair pair : amt.certificates().keyPairs()) {
                if (pair.publicKey().equals(key)) {
                    amt.certificates().deleteKeyPair(pair.instanceId());
                }
            }
        }
    }

    private static Optional<DeviceCertificate> find(List<DeviceCertificate> stored, String id) {
        return stored.stream().filter(c -> c.instanceId().equals(id)).findFirst();
    }

    private static boolean issuedBy(X509Certificate certificate, X509Certificate root) {
        try {
            certificate.verify(root.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private boolean fresh(X509Certificate certificate, Options options) {
        return certificate.getNotAfter().toInstant().isAfter(clock.instant().plus(Duration.ofDays(options.renewWithinDays())));
    }

    /** The certificate names the address the console uses, so the name check passes. */
    private static List<String> names(Device device) {
        return List.of(device.host());
    }
}
