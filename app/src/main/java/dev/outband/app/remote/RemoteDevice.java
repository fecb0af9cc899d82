package dev.outband.app.remote;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outband.app.amt.ManagedDevice;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionClient;
import dev.outband.kvm.redirection.SessionType;
import dev.outband.kvm.rfb.HandshakeDeadline;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.sol.SolSession;
import dev.outband.kvm.sol.SolSettings;
import dev.outband.wsman.ReturnValueException;
import dev.outband.wsman.amt.boot.BootOptions;
import dev.outband.wsman.amt.boot.NextBoot;
import dev.outband.wsman.amt.certificates.CertificateListing;
import dev.outband.wsman.amt.consent.ConsentService.ConsentStatus;
import dev.outband.wsman.amt.events.EventSubscription;
import dev.outband.wsman.amt.events.SubscriptionListing;
import dev.outband.wsman.amt.features.ConsentPolicy;
import dev.outband.wsman.amt.features.Features;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.network.NetworkSettings;
import dev.outband.wsman.amt.network.WiredSettings;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import dev.outband.wsman.amt.users.AccessPermission;
import dev.outband.wsman.amt.users.UserAccount;
import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A device a remote MPS or DMT Console serves, driven through its REST API and KVM relay. */
public final class RemoteDevice implements ManagedDevice {
    /** The first action number that needs boot settings: MPS's power/bootOptions route, not power/action. */
    private static final int FIRST_BOOT_ACTION = 100;
    /** Audit records MPS returns per request (AMT's ReadRecords page). */
    private static final int AUDIT_PAGE = 10;
    /** Audit records read at most: AMT keeps a few thousand. */
    private static final int AUDIT_LIMIT = 5000;

    private final ApiClient api;
    private final String guid;
    private final String name;

    RemoteDevice(ApiClient api, String guid, String name) {
        this.api = api;
        this.guid = guid;
        this.name = name;
    }

    /** A KVM session over the relay and which kinds of frames the relay sent. */
    public record RelayKvm(RfbSession session, RelayFrames frames) {
    }

    @Override
    public AmtIdentity identity() throws IOException {
        return Replies.identity(get("api/v1/amt/version/"), get("api/v1/amt/generalSettings/"), guid);
    }

    @Override
    public PowerStatus powerState() throws IOException {
        return Replies.powerState(get("api/v1/amt/power/state/"));
    }

    @Override
    public Set<PowerAction> supportedActions() throws IOException {
        return Replies.capabilities(get("api/v1/amt/power/capabilities/"));
    }

    @Override
    public void perform(PowerAction action, boolean serialConsole) throws IOException {
        JsonNode reply;
        if (action.number() >= FIRST_BOOT_ACTION) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("action", action.number());
            body.put("useSOL", serialConsole);
            reply = call(() -> api.post("api/v1/amt/power/bootOptions/" + guid, body), "RequestPowerStateChange");
        } else {
            reply = call(() -> api.post("api/v1/amt/power/action/" + guid, Map.of("action", action.number())),
                    "RequestPowerStateChange");
        }
        check(reply, "RequestPowerStateChange");
    }

    @Override
    public HardwareInventory hardware() throws IOException {
        return Replies.hardware(get("api/v1/amt/hardwareInfo/"));
    }

    @Override
    public List<EventRecord> events() throws IOException {
        return Replies.events(get("api/v1/amt/log/event/"));
    }

    @Override
    public List<AuditRecord> audit() throws IOException {
        // MPS pages from the newest record back; startIndex counts records already read.
        List<JsonNode> newestFirst = new ArrayList<>();
        int total = Integer.MAX_VALUE;
        while (newestFirst.size() < Math.min(total, AUDIT_LIMIT)) {
            int start = newestFirst.size();
            JsonNode page = call(() -> api.get("api/v1/amt/log/audit/" + guid, Map.of("startIndex", String.valueOf(start))),
                    "ReadRecords");
            total = page.path("totalCnt").asInt(0);
            if (!page.path("records").isArray() || page.path("records").isEmpty()) {
                break;
            }
            page.path("records").forEach(newestFirst::add);
            if (page.path("records").size() < AUDIT_PAGE) {
                break;
            }
        }
        return Replies.audit(newestFirst);
    }

    @Override
    public RedirectionStatus redirection() throws IOException {
        return Replies.redirection(get("api/v1/amt/features/"));
    }

    @Override
    public ConsentStatus consentStatus() throws IOException {
        return Replies.consent(get("api/v1/amt/features/"));
    }

    @Override
    public void startConsent() throws IOException {
        check(call(() -> api.get("api/v1/amt/userConsentCode/" + guid, Map.of()), "StartOptIn"), "StartOptIn");
    }

    @Override
    public void sendConsentCode(String code) throws IOException {
        int number;
        try {
            number = Integer.parseInt(code.strip());
        } catch (NumberFormatException e) {
            throw new IOException("A consent code is the six digits on the device's screen, not '" + code + "'");
        }
        JsonNode reply = call(() -> api.post("api/v1/amt/userConsentCode/" + guid, Map.of("consentCode", number)),
                "SendOptInCode");
        check(reply, "SendOptInCode");
    }

    @Override
    public void cancelConsent() throws IOException {
        check(call(() -> api.get("api/v1/amt/userConsentCode/cancel/" + guid, Map.of()), "CancelOptIn"), "CancelOptIn");
    }

    /** MPS sets boot options only together with a power action (power/bootOptions); it has no route to read them. */
    @Override
    public BootOptions bootOptions() throws IOException {
        throw notAvailable();
    }

    @Override
    public void setNextBoot(NextBoot next) throws IOException {
        throw notAvailable();
    }

    @Override
    public Features features() throws IOException {
        return Replies.features(get("api/v1/amt/features/"));
    }

    /** setAMTFeatures.ts turns the listener on when any feature is on and off when none is: it takes no listener flag. */
    @Override
    public void applyFeatures(RedirectionStatus wanted, ConsentPolicy consent) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userConsent", switch (consent) {
            case NONE -> "none";
            case KVM -> "kvm";
            case ALL -> "all";
        });
        body.put("enableSOL", wanted.sol());
        body.put("enableIDER", wanted.ider());
        body.put("enableKVM", wanted.kvm());
        check(call(() -> api.post("api/v1/amt/features/" + guid, body), "setAMTFeatures"), "setAMTFeatures");
    }

    @Override
    public CertificateListing certificates() throws IOException {
        return Replies.certificates(get("api/v1/amt/certificates/"));
    }

    /** certificates/add.ts: {cert: base64 DER, isTrusted} answers {handle}. */
    @Override
    public String addTrustedRoot(X509Certificate root) throws IOException {
        String der;
        try {
            der = Base64.getEncoder().encodeToString(root.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException("the certificate cannot be encoded", e);
        }
        JsonNode reply = call(() -> api.post("api/v1/amt/certificates/" + guid, Map.of("cert", der, "isTrusted", true)),
                "AddTrustedRootCertificate");
        return reply.path("handle").asText("");
    }

    /** InstanceIDs hold no slash ("Intel(r) AMT Certificate: Handle: 1"); each path segment is encoded on its own. */
    @Override
    public void deleteCertificate(String instanceId) throws IOException {
        if (instanceId.contains("/")) {
            throw new IOException("'" + instanceId + "' is not a certificate InstanceID");
        }
        call(() -> api.delete("api/v1/amt/certificates/" + guid + "/" + instanceId), "delete certificate");
    }

    private IOException notAvailable() {
        return new IOException("Boot options are not available through an MPS source (" + api.name()
                + "): its REST API sets boot options only together with a power action");
    }

    /** MPS's REST API has no route for WS-Eventing subscribers. */
    @Override
    public SubscriptionListing subscriptions() throws IOException {
        throw subscriptionsNotAvailable();
    }

    @Override
    public void subscribe(String filterId, String address) throws IOException {
        throw subscriptionsNotAvailable();
    }

    @Override
    public void unsubscribe(EventSubscription subscription) throws IOException {
        throw subscriptionsNotAvailable();
    }

    private IOException subscriptionsNotAvailable() {
        return new IOException("Event subscriptions are not available through an MPS source (" + api.name()
                + "): its REST API has no route for them");
    }

    @Override
    public NetworkSettings network() throws IOException {
        return Replies.network(get("api/v1/amt/networkSettings/"));
    }

    @Override
    public void setWired(WiredSettings settings) throws IOException {
        throw notAvailable("Changing the network settings is");
    }

    @Override
    public List<UserAccount> users() throws IOException {
        throw notAvailable("AMT's user accounts are");
    }

    @Override
    public void addUser(String user, String password, AccessPermission permission, List<Integer> realms)
            throws IOException {
        throw notAvailable("AMT's user accounts are");
    }

    @Override
    public void updateUser(long handle, String user, String password, AccessPermission permission,
                           List<Integer> realms) throws IOException {
        throw notAvailable("AMT's user accounts are");
    }

    @Override
    public void removeUser(long handle) throws IOException {
        throw notAvailable("AMT's user accounts are");
    }

    @Override
    public void setAdmin(String user, String password) throws IOException {
        throw notAvailable("AMT's user accounts are");
    }

    @Override
    public Instant deviceTime() throws IOException {
        throw notAvailable("The device's clock is");
    }

    @Override
    public void synchronizeClock() throws IOException {
        throw notAvailable("The device's clock is");
    }

    @Override
    public RfbSession kvm(Duration timeout) throws IOException {
        return kvmThroughRelay(timeout).session();
    }

    /** What MPS's REST API has no route for, said plainly instead of a failed call ("… is", "… are"). */
    private IOException notAvailable(String subject) {
        return new IOException(subject + " not available through an MPS source (" + api.name() + ")");
    }

    /**
     * Opens KVM through the source's relay: a redirection token, the websocket with it as subprotocol, then the
     * redirection handshake with empty credentials (with p=2 the relay answers AMT's digest itself) and RFB.
     */
    public RelayKvm kvmThroughRelay(Duration timeout) throws IOException {
        long start = System.nanoTime();
        var options = AmtKvmConnector.options(AmtColourMode.AUTO, false);
        RelayStream relay = relay("kvm");
        RfbSession session = handshake(relay, timeout.minusNanos(System.nanoTime() - start), options.settings().handshakeTimeout(), "the KVM handshake",
                () -> {
                    RedirectionClient.openKvm(relay.input(), relay.output(), AmtCredentials.relay());
                    return RfbSession.open(relay.input(), relay.output(), relay, options);
                });
        return new RelayKvm(session, relay.frames());
    }

    /** Serial-over-LAN through the source's relay ({@code mode=sol}), authenticated by the relay as for KVM. */
    @Override
    public SolSession sol(Duration timeout) throws IOException {
        long start = System.nanoTime();
        SolSettings settings = SolSettings.defaults();
        RelayStream relay = relay("sol");
        return handshake(relay, timeout.minusNanos(System.nanoTime() - start), settings.handshakeTimeout(),
                "Serial-over-LAN", () -> {
                    RedirectionClient.open(relay.input(), relay.output(), SessionType.SOL,
                            AmtCredentials.relay());
                    return SolSession.start(relay.input(), relay.output(), relay, settings);
                });
    }

    /** The relay websocket to the device's redirection port for {@code mode}, opened with a fresh token. */
    private RelayStream relay(String mode) throws IOException {
        String token = call(() -> api.get("api/v1/authorize/redirection/" + guid, Map.of()), "redirection token")
                .path("token").asText("");
        if (token.isEmpty()) {
            throw new SourceException(api.name(), SourceException.Kind.BAD_REPLY,
                    "the redirection token reply carries no token", null);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("p", "2");
        query.put("host", guid);
        query.put("port", String.valueOf(AmtKvmConnector.PORT));
        query.put("tls", "0");
        query.put("tls1only", "0");
        query.put("mode", mode);
        return RelayStream.open(api, "relay/webrelay.ashx", query, token);
    }

    /** Runs the handshake within the smaller of what is left and {@code own}; the relay is closed on failure. */
    private <T> T handshake(RelayStream relay, Duration left, Duration own, String what,
            HandshakeDeadline.Step<T> step) throws IOException {
        Duration limit = left.compareTo(own) < 0 ? left : own;
        try {
            return HandshakeDeadline.run(relay, limit, name + " did not complete " + what + " through " + api.name(),
                    step);
        } catch (IOException | RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    private JsonNode get(String path) throws IOException {
        return call(() -> api.get(path + guid, Map.of()), path);
    }

    @FunctionalInterface
    private interface Call {
        JsonNode run() throws SourceException;
    }

    /** A refusal that carries the device's return value becomes the same exception the WS-Man path throws. */
    private JsonNode call(Call call, String what) throws IOException {
        try {
            return call.run();
        } catch (SourceException e) {
            Optional<Long> returned = e.returnValue();
            if (returned.isPresent() && returned.get() != 0) {
                throw new ReturnValueException(what, returned.get());
            }
            if (e.kind() == SourceException.Kind.NOT_FOUND) {
                throw new SourceException(e.source(), e.kind(), name + ": "
                        + e.getMessage().substring(e.source().length() + 2), e);
            }
            throw e;
        }
    }

    private static void check(JsonNode reply, String method) throws ReturnValueException {
        Optional<Long> value = Replies.returnValue(reply);
        if (value.isPresent() && value.get() != 0) {
            throw new ReturnValueException(method, value.get());
        }
    }
}
