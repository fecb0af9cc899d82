package dev.outband.app.amt;

import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.sol.SolSession;
import dev.outband.wsman.amt.AmtClient;
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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A device the console reaches with WS-Man and the redirection protocol, directly or through a CIRA tunnel. */
final class WsmanDevice implements ManagedDevice {
    /** Opens a KVM session; WS-Man and KVM share the device's route and credentials. */
    @FunctionalInterface
    interface KvmOpener {
        RfbSession open(Duration timeout) throws IOException;
    }

    /** Opens a Serial-over-LAN session on the same route as KVM. */
    @FunctionalInterface
    interface SolOpener {
        SolSession open(Duration timeout) throws IOException;
    }

    private final AmtClient amt;
    private final KvmOpener kvm;
    private final SolOpener sol;

    WsmanDevice(AmtClient amt, KvmOpener kvm, SolOpener sol) {
        this.amt = amt;
        this.kvm = kvm;
        this.sol = sol;
    }

    @Override
    public AmtIdentity identity() throws IOException {
        return amt.identity().read();
    }

    @Override
    public PowerStatus powerState() throws IOException {
        return amt.power().status();
    }

    @Override
    public Set<PowerAction> supportedActions() throws IOException {
        return Set.copyOf(amt.power().supportedActions());
    }

    @Override
    public void perform(PowerAction action, boolean serialConsole) throws IOException {
        amt.power().perform(action, serialConsole);
    }

    @Override
    public HardwareInventory hardware() throws IOException {
        return amt.hardware().read();
    }

    @Override
    public List<EventRecord> events() throws IOException {
        return amt.logs().events();
    }

    @Override
    public List<AuditRecord> audit() throws IOException {
        return amt.logs().audit();
    }

    @Override
    public RedirectionStatus redirection() throws IOException {
        return amt.redirection().status();
    }

    @Override
    public ConsentStatus consentStatus() throws IOException {
        return amt.consent().status();
    }

    @Override
    public void startConsent() throws IOException {
        amt.consent().start();
    }

    @Override
    public void sendConsentCode(String code) throws IOException {
        amt.consent().sendCode(code);
    }

    @Override
    public void cancelConsent() throws IOException {
        amt.consent().cancel();
    }

    @Override
    public BootOptions bootOptions() throws IOException {
        return amt.boot().read();
    }

    @Override
    public void setNextBoot(NextBoot next) throws IOException {
        amt.boot().setNextBoot(next);
    }

    @Override
    public Features features() throws IOException {
        return amt.features().read();
    }

    @Override
    public void applyFeatures(RedirectionStatus wanted, ConsentPolicy consent) throws IOException {
        amt.features().apply(wanted, consent);
    }

    @Override
    public CertificateListing certificates() throws IOException {
        return amt.certificates().listing();
    }

    @Override
    public String addTrustedRoot(X509Certificate root) throws IOException {
        return amt.certificates().addTrustedRoot(root);
    }

    @Override
    public void deleteCertificate(String instanceId) throws IOException {
        amt.certificates().deleteCertificate(instanceId);
    }

    @Override
    public SubscriptionListing subscriptions() throws IOException {
        return amt.events().listing();
    }

    @Override
    public void subscribe(String filterId, String address) throws IOException {
        amt.events().subscribe(filterId, address);
    }

    @Override
    public void unsubscribe(EventSubscription subscription) throws IOException {
        amt.events().unsubscribe(subscription);
    }

    @Override
    public NetworkSettings network() throws IOException {
        return amt.network().read();
    }

    @Override
    public void setWired(WiredSettings settings) throws IOException {
        amt.network().setWired(settings);
    }

    @Override
    public List<UserAccount> users() throws IOException {
        return amt.users().list();
    }

    @Override
    public void addUser(String user, String password, AccessPermission permission, List<Integer> realms)
            throws IOException {
        amt.users().add(user, password, permission, realms);
    }

    @Override
    public void updateUser(long handle, String user, String password, AccessPermission permission,
                           List<Integer> realms) throws IOException {
        amt.users().update(handle, user, password, permission, realms);
    }

    @Override
    public void removeUser(long handle) throws IOException {
        amt.users().remove(handle);
    }

    @Override
    public void setAdmin(String user, String password) throws IOException {
        amt.users().setAdmin(user, password);
    }

    @Override
    public Instant deviceTime() throws IOException {
        return amt.time().deviceTime();
    }

    @Override
    public void synchronizeClock() throws IOException {
        amt.time().synchronize();
    }

    @Override
    public RfbSession kvm(Duration timeout) throws IOException {
        return kvm.open(timeout);
    }

    @Override
    public SolSession sol(Duration timeout) throws IOException {
        return sol.open(timeout);
    }
}
