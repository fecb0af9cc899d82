package dev.outband.app.activation;

import dev.outband.app.lab.CallHome;
import dev.outband.app.lab.JobResult;
import dev.outband.app.lab.TlsSetup;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.ActivationProfile.ControlMode;
import dev.outband.app.store.Device;
import dev.outband.app.store.DuplicateNameException;
import dev.outband.app.store.Reach;
import dev.outband.app.store.TlsMode;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.setup.SetupState;
import dev.outband.wsman.http.DigestCredentials;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * One device's activation through its client, as DMT's rps drives it (src/stateMachines/activation.ts): the
 * digest realm, the setup service, host-based Setup (client control) or the certificate chain and a signed
 * AdminSetup (admin control), then the device is stored and the profile's features, call home and TLS follow.
 * The result is rps' status JSON ({@code Status}, {@code Network}, {@code CIRAConnection}, {@code TLSConfiguration}).
 */
final class Activation {
    private static final Pattern REALM = Pattern.compile("Digest:[0-9A-Fa-f]{32}");
    private static final int MC_NONCE_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ActivationContext context;
    private final Duration callHomeWait;
    private final Consumer<String> step;

    Activation(ActivationContext context, Duration callHomeWait, Consumer<String> step) {
        this.context = context;
        this.callHomeWait = callHomeWait;
        this.step = step;
    }

    Map<String, String> run(DeviceInfo info, ActivationProfile profile, RelayTransport transport, String remoteHost)
            throws ActivationFailure, InterruptedException {
        String uuid = info.uuid();
        if (info.currentMode() != SetupState.PRE_PROVISIONING) {
            throw alreadyActivated(uuid, info.currentMode());
        }
        ProvisioningCertificate certificate = profile.controlMode() == ControlMode.ACM ? checkAcm(info, profile) : null;
        AmtClient amt = AmtClient.over(transport, WsmanSettings.defaults());
        String password = profile.adminPassword() != null ? profile.adminPassword().reveal() : AdminPasswords.generate();
        String status;
        Device device;
        try {
            step.accept("read the digest realm");
            String realm = amt.setup().digestRealm();
            if (!REALM.matcher(realm).matches()) {
                throw new ActivationFailure("Not a valid digest realm: " + realm);
            }
            step.accept("read the setup service");
            SetupState state = amt.setup().state();
            if (state.provisioned()) {
                throw alreadyActivated(uuid, state.currentControlMode());
            }
            // Stored before the device takes the password: a session lost after that still leaves it known here.
            step.accept("save the device");
            device = save(info, profile, password, remoteHost);
            if (certificate == null) {
                step.accept("host-based setup (client control mode)");
                amt.setup().setup(realm, password);
                status = "Client control mode.";
            } else {
                List<X509Certificate> chain = certificate.chain();
                for (int i = 0; i < chain.size(); i++) {
                    step.accept("upload the provisioning certificate chain (" + (i + 1) + " of " + chain.size() + ")");
                    amt.setup().addNextCertInChain(chain.get(i).getEncoded(), i == 0, i == chain.size() - 1);
                }
                step.accept("admin setup signed with the provisioning certificate");
                byte[] mcNonce = new byte[MC_NONCE_BYTES];
                RANDOM.nextBytes(mcNonce);
                amt.setup().adminSetup(realm, password, mcNonce, certificate.sign(state.configurationNonce(), mcNonce));
                status = "Admin control mode.";
            }
        } catch (ReturnValueException e) {
            throw new ActivationFailure("Device " + uuid + " activation failed: " + e.getMessage()
                    + hint(e), e);
        } catch (IOException | GeneralSecurityException e) {
            throw new ActivationFailure("Device " + uuid + " activation failed: "
                    + e.getMessage(), e);
        }
        Thread.sleep(context.setupSettle().toMillis());
        transport.use(new DigestCredentials("admin", password));
        Map<String, String> result = new LinkedHashMap<>();
        result.put("Status", status);
        result.put("Network", configureDevice(amt, profile, certificate != null));
        if (profile.callsHome()) {
            result.put("CIRAConnection", callHome(amt, device, profile));
        }
        if (profile.tls()) {
            result.put("TLSConfiguration", tls(amt, device, profile, uuid));
        }
        return result;
    }

    private ProvisioningCertificate checkAcm(DeviceInfo info, ActivationProfile profile) throws ActivationFailure {
        String uuid = info.uuid();
        if (info.certHashes() == null) {
            throw new ActivationFailure("Device " + uuid + " activation failed. Missing certificate hashes from the device.");
        }
        if (info.dnsSuffix().isEmpty()) {
            throw new ActivationFailure("Device " + uuid + " activation failed. Missing DNS Suffix: admin control mode"
                    + " needs the device's DNS suffix (rpc activate -d " + profile.dnsSuffix() + ", or DHCP option 15).");
        }
        if (!ProvisioningCertificate.suffixMatches(info.dnsSuffix(), profile.dnsSuffix())) {
            throw new ActivationFailure("Device " + uuid + " activation failed. Specified AMT domain suffix: "
                    + info.dnsSuffix() + " does not match list of available AMT domain suffixes. In plain words: the"
                    + " device is in domain " + info.dnsSuffix() + ", but profile " + profile.name()
                    + "'s provisioning certificate is for " + profile.dnsSuffix() + "; AMT accepts admin control mode"
                    + " only when they match. Give the device that DNS suffix (rpc activate -d " + profile.dnsSuffix()
                    + ") or use a profile with a certificate for " + info.dnsSuffix() + ".");
        }
        try {
            ProvisioningCertificate certificate = ProvisioningCertificate.load(
                    Base64.getDecoder().decode(profile.pkcs12().reveal()),
                    profile.pkcs12Password() == null ? new char[0] : profile.pkcs12Password().reveal().toCharArray());
            if (!certificate.rootTrustedBy(info.certHashes())) {
                throw new ActivationFailure("Device " + uuid + " activation failed. Invalid domain certificate, hash"
                        + " does not exists in list of trusted root certificates on AMT: the device does not trust"
                        + " the root of profile " + profile.name() + "'s provisioning certificate (SHA-256 "
                        + certificate.rootSha256() + ").");
            }
            return certificate;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new ActivationFailure("Profile " + profile.name() + ": " + e.getMessage(), e);
        }
    }

    private static ActivationFailure alreadyActivated(String uuid, int mode) {
        return new ActivationFailure("Device " + uuid + " is already activated in "
                + (mode == SetupState.ADMIN_CONTROL ? "admin" : "client") + " control mode: deactivate it first"
                + " (rpc deactivate, or outband deactivate), then activate it again.");
    }

    private static String hint(ReturnValueException e) {
        return e.method().equals("AdminSetup") || e.method().equals("AddNextCertInChain")
                ? " (AMT refuses a provisioning certificate whose name does not end in its DNS suffix, or whose"
                + " root it does not trust)" : "";
    }

    /** The device in the store with its new credentials, tagged with the profile; re-activation updates it. */
    private Device save(DeviceInfo info, ActivationProfile profile, String password, String remoteHost) {
        var devices = context.store().devices();
        var profiles = context.store().profiles();
        String uuid = info.uuid();
        String name = info.hostname() == null || info.hostname().isBlank()
                ? "amt-" + uuid.substring(0, uuid.indexOf('-')) : info.hostname().strip();
        Reach reach = profile.callsHome() ? Reach.cira(uuid.toLowerCase()) : Reach.DIRECT;
        Optional<Device> known = profiles.activatedDevice(uuid)
                .or(() -> profile.callsHome() ? devices.findByReach(reach) : Optional.empty());
        Device base = known.orElse(Device.of(name, host(info, remoteHost)));
        List<String> tags = new ArrayList<>(base.tags());
        tags.remove(ActivationContext.UNPROVISIONED_TAG);
        if (!tags.contains(profile.name())) {
            tags.add(profile.name());
        }
        Device device = new Device(base.id(), base.name(), host(info, remoteHost), tags, "admin",
                devices.seal(password), TlsMode.NONE, null, reach, base.state(), base.wsmanPort(), base.kvmPort());
        Device saved;
        if (device.id() != null) {
            saved = devices.update(device);
        } else {
            try {
                saved = devices.insert(device);
            } catch (DuplicateNameException taken) {
                saved = devices.insert(new Device(null, name + "-" + uuid.substring(0, uuid.indexOf('-')),
                        device.host(), tags, "admin", device.password(), TlsMode.NONE, null, reach, null));
            }
        }
        profiles.recordActivation(uuid, saved.id(), profile.name(), context.clock().instant());
        return saved;
    }

    /** The address the laptop reaches the device at: its reported IP, its host name, or where the client came from. */
    private static String host(DeviceInfo info, String remoteHost) {
        String ip = info.ipConfiguration() == null ? null : info.ipConfiguration().ipAddress();
        if (ip != null && !ip.isBlank() && !ip.equals("0.0.0.0")) {
            return ip.strip();
        }
        return remoteHost;
    }

    /** MEBx password (admin control), redirection, user consent and addressing; failures go into the result. */
    private String configureDevice(AmtClient amt, ActivationProfile profile, boolean admin) {
        List<String> failed = new ArrayList<>();
        if (admin) {
            step.accept("set the MEBx password");
            String mebx = profile.mebxPassword() != null ? profile.mebxPassword().reveal() : AdminPasswords.generate();
            attempt(failed, "MEBx password", () -> amt.setup().setMebxPassword(mebx));
            step.accept("set user consent");
            attempt(failed, "user consent", () -> amt.consent().require(profile.userConsent().optInRequired()));
        }
        step.accept("set redirection (KVM, SOL, IDE-R)");
        attempt(failed, "redirection", () -> amt.redirection().enable(profile.ider(), profile.sol(), profile.kvm()));
        if (profile.network() == ActivationProfile.Network.STATIC) {
            step.accept("set static addressing (IP sync from the OS)");
            attempt(failed, "static addressing", () -> StaticAddressing.apply(amt));
        }
        return failed.isEmpty() ? "Wired Network Configured" : "Failed: " + String.join("; ", failed);
    }

    private interface Call {
        void run() throws IOException;
    }

    private static void attempt(List<String> failed, String what, Call call) {
        try {
            call.run();
        } catch (IOException e) {
            failed.add(what + ": " + e.getMessage());
        }
    }

    private String callHome(AmtClient amt, Device device, ActivationProfile profile) {
        ActivationContext.Lab lab = context.lab();
        if (lab == null) {
            return "Failed: this activation server has no lab CA and listener to call";
        }
        step.accept("set up call home to " + profile.callHomeAddress() + ":" + profile.callHomePort());
        JobResult r = lab.callHome().configureOver(amt, device,
                CallHome.Options.to(profile.callHomeAddress(), profile.callHomePort()));
        return r.ok() ? "Configured" : "Failed: " + r.message();
    }

    /**
     * TLS last: once the device refuses plain connections the relay ends too. The device is then checked over TLS,
     * verifying the lab root, through its tunnel (call home) or directly, and only then stored as TLS.
     */
    private String tls(AmtClient amt, Device device, ActivationProfile profile, String uuid)
            throws InterruptedException {
        ActivationContext.Lab lab = context.lab();
        if (lab == null) {
            return "Failed: this activation server has no lab CA";
        }
        step.accept("turn TLS on with a lab certificate");
        TlsSetup.Options options = TlsSetup.Options.defaults();
        JobResult installed = lab.tls().installOver(amt, device, options);
        if (!installed.ok()) {
            return "Failed: " + installed.message();
        }
        Instant deadline = context.clock().instant().plus(profile.callsHome()
                ? options.reconnectWithin().plus(callHomeWait) : options.reconnectWithin());
        if (profile.callsHome()) {
            step.accept("wait for the device to call in");
            while (!lab.calledIn().test(uuid.toLowerCase())) {
                if (context.clock().instant().isAfter(deadline)) {
                    return "Failed: TLS is on, but the device did not call in to check it";
                }
                Thread.sleep(250);
            }
        }
        step.accept("check TLS with the lab root");
        Device secure = device.withTls(TlsMode.VERIFY, null);
        IOException last = null;
        while (!context.clock().instant().isAfter(deadline)) {
            try {
                lab.connections().client(secure).tls().settings();
                context.store().devices().changeTls(device.id(), TlsMode.VERIFY);
                return "Configured";
            } catch (WsmanException.Unreachable | WsmanException.NetworkTimeout notYet) {
                last = notYet;
                Thread.sleep(500);
            } catch (IOException e) {
                return "Failed: TLS is on, but the check over TLS failed: " + e.getMessage();
            }
        }
        return "Failed: TLS is on, but the device did not answer over TLS: " + (last == null ? "" : last.getMessage());
    }
}
