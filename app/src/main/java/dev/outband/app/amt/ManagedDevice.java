package dev.outband.app.amt;

import dev.outband.kvm.rfb.RfbSession;
import dev.outband.wsman.amt.boot.BootOptions;
import dev.outband.wsman.amt.boot.NextBoot;
import dev.outband.wsman.amt.certificates.CertificateListing;
import dev.outband.kvm.sol.SolSession;
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

/**
 * One AMT device as the console works with it: what the console reads from it and asks of it, the same
 * whether WS-Man reaches it (directly or through a CIRA tunnel) or a remote MPS's REST API stands between.
 * Failures are IOExceptions whose message names the device or the source that failed.
 */
public interface ManagedDevice {
    /**
     * Connecting and both KVM handshakes together (the handshakes also within RfbSettings' own deadline); the same
     * for starting Serial-over-LAN.
     */
    Duration KVM_OPEN_TIMEOUT = Duration.ofSeconds(20);

    AmtIdentity identity() throws IOException;

    PowerStatus powerState() throws IOException;

    Set<PowerAction> supportedActions() throws IOException;

    /** Boot options included: the actions of 100 and above boot to BIOS, PXE or diagnostics. */
    default void perform(PowerAction action) throws IOException {
        perform(action, false);
    }

    /** {@code serialConsole}: the firmware's screens also go to Serial-over-LAN (AMT_BootSettingData.UseSOL). */
    void perform(PowerAction action, boolean serialConsole) throws IOException;

    HardwareInventory hardware() throws IOException;

    /** The event log in the device's order. */
    List<EventRecord> events() throws IOException;

    /** The audit log in the device's order. */
    List<AuditRecord> audit() throws IOException;

    /** Which redirection features (KVM, SOL, IDE-R) the device has turned on. */
    RedirectionStatus redirection() throws IOException;

    ConsentStatus consentStatus() throws IOException;

    /** Puts a consent code on the device's screen. */
    void startConsent() throws IOException;

    /** Throws {@link dev.outband.wsman.ReturnValueException} with the device's return value when it refuses the code. */
    void sendConsentCode(String code) throws IOException;

    void cancelConsent() throws IOException;

    /** Boot capabilities, the one-time boot flags now, and the boot sources the device offers. */
    BootOptions bootOptions() throws IOException;

    /** Sets where and how the device boots next (used once, at its next power-on or reset). */
    void setNextBoot(NextBoot next) throws IOException;

    /** KVM, SOL, IDE-R and the listener, and the user consent policy. */
    Features features() throws IOException;

    void applyFeatures(RedirectionStatus wanted, ConsentPolicy consent) throws IOException;

    /** The device's certificates and the one its TLS ports present. */
    CertificateListing certificates() throws IOException;

    /** Adds a CA certificate the device trusts from now on; returns its InstanceID. */
    String addTrustedRoot(X509Certificate root) throws IOException;

    void deleteCertificate(String instanceId) throws IOException;

    /** The event filters the device offers and who it pushes events to. */
    SubscriptionListing subscriptions() throws IOException;

    /** Makes the device push the filter's events to {@code address} (http or https). */
    void subscribe(String filterId, String address) throws IOException;

    void unsubscribe(EventSubscription subscription) throws IOException;

    /** Wired and wireless network settings and the wireless profiles. */
    NetworkSettings network() throws IOException;

    /** Changes the wired port's addressing (DHCP, shared with the host, or a static address). */
    void setWired(WiredSettings settings) throws IOException;

    /** AMT's accounts: the administrator first, then the users added beside it. */
    List<UserAccount> users() throws IOException;

    void addUser(String user, String password, AccessPermission permission, List<Integer> realms) throws IOException;

    /** Changes an account's name, password, permission and realms together (AMT takes them together). */
    void updateUser(long handle, String user, String password, AccessPermission permission, List<Integer> realms)
            throws IOException;

    void removeUser(long handle) throws IOException;

    /** Sets the administrator's name and password; the device's stored credentials must follow. */
    void setAdmin(String user, String password) throws IOException;

    /** The device's clock. */
    Instant deviceTime() throws IOException;

    /** Sets the device's clock to the console's. */
    void synchronizeClock() throws IOException;

    /** A KVM session connected and through both handshakes within {@code timeout}, not yet started. */
    RfbSession kvm(Duration timeout) throws IOException;

    default RfbSession kvm() throws IOException {
        return kvm(KVM_OPEN_TIMEOUT);
    }

    /** A Serial-over-LAN session connected, authenticated and started within {@code timeout}. */
    SolSession sol(Duration timeout) throws IOException;

    default SolSession sol() throws IOException {
        return sol(KVM_OPEN_TIMEOUT);
    }
}
