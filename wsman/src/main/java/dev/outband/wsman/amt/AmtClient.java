package dev.outband.wsman.amt;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.boot.BootService;
import dev.outband.wsman.amt.certificates.CertificateStoreService;
import dev.outband.wsman.amt.consent.ConsentService;
import dev.outband.wsman.amt.events.EventSubscriptionService;
import dev.outband.wsman.amt.features.FeatureService;
import dev.outband.wsman.amt.hardware.HardwareService;
import dev.outband.wsman.amt.log.LogService;
import dev.outband.wsman.amt.network.NetworkService;
import dev.outband.wsman.amt.redirection.RedirectionService;
import dev.outband.wsman.amt.identity.IdentityService;
import dev.outband.wsman.amt.power.PowerService;
import dev.outband.wsman.amt.remoteaccess.RemoteAccessService;
import dev.outband.wsman.amt.setup.SetupService;
import dev.outband.wsman.amt.time.TimeService;
import dev.outband.wsman.amt.tls.TlsConfigService;
import dev.outband.wsman.amt.users.UserAccountService;
import dev.outband.wsman.http.EnvelopeTransport;
import dev.outband.wsman.http.WsmanTransport;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The console's entry to one AMT device: typed services over one WS-Man client. Thread-safe. */
public final class AmtClient {
    private final WsmanClient wsman;

    private AmtClient(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public static AmtClient connect(DeviceEndpoint endpoint) {
        return connect(HttpClients.shared(), endpoint, WsmanSettings.defaults());
    }

    public static AmtClient connect(OkHttpClient shared, DeviceEndpoint endpoint, WsmanSettings settings) {
        OkHttpClient http = HttpClients.forDevice(shared, endpoint, settings);
        HttpUrl url = new HttpUrl.Builder().scheme(endpoint.tls() ? "https" : "http").host(endpoint.host())
                .port(endpoint.port()).addPathSegment("wsman").build();
        return new AmtClient(new WsmanClient(new WsmanTransport(http, url, settings), settings));
    }

    /** A device reached through another transport, e.g. relayed by the activation client running on it. */
    public static AmtClient over(EnvelopeTransport transport, WsmanSettings settings) {
        return new AmtClient(new WsmanClient(transport, settings));
    }

    public WsmanClient wsman() {
        return wsman;
    }

    public PowerService power() {
        return new PowerService(wsman);
    }

    public IdentityService identity() {
        return new IdentityService(wsman);
    }

    public HardwareService hardware() {
        return new HardwareService(wsman);
    }

    /** Event log (AMT_MessageLog) and audit log (AMT_AuditLog). */
    public LogService logs() {
        return new LogService(wsman);
    }

    public RedirectionService redirection() {
        return new RedirectionService(wsman);
    }

    /** The next boot: target, Serial-over-LAN, keyboard lock. */
    public BootService boot() {
        return new BootService(wsman);
    }

    /** KVM, SOL and IDE-R on or off, and the user consent policy. */
    public FeatureService features() {
        return new FeatureService(wsman);
    }

    /** Who the device pushes its events to (WS-Eventing subscribers). */
    public EventSubscriptionService events() {
        return new EventSubscriptionService(wsman);
    }

    public ConsentService consent() {
        return new ConsentService(wsman);
    }

    /** Key pairs, certificates and trusted roots in the device's store. */
    public CertificateStoreService certificates() {
        return new CertificateStoreService(wsman);
    }

    /** The certificate and settings of the device's own TLS ports. */
    public TlsConfigService tls() {
        return new TlsConfigService(wsman);
    }

    /** Call home: MPS servers, policy rules, environment detection. */
    public RemoteAccessService remoteAccess() {
        return new RemoteAccessService(wsman);
    }

    /** Activation and deactivation: host-based setup, the digest realm, unprovisioning. */
    public SetupService setup() {
        return new SetupService(wsman);
    }

    public TimeService time() {
        return new TimeService(wsman);
    }

    /** Wired and wireless network settings. */
    public NetworkService network() {
        return new NetworkService(wsman);
    }

    /** AMT's own user accounts. */
    public UserAccountService users() {
        return new UserAccountService(wsman);
    }
}
