package dev.outband.app.amt;

import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.sol.SolSession;
import dev.outband.wsman.amt.consent.ConsentService.ConsentStatus;
import dev.outband.wsman.amt.hardware.HardwareInventory;
import dev.outband.wsman.amt.identity.AmtIdentity;
import dev.outband.wsman.amt.log.AuditRecord;
import dev.outband.wsman.amt.log.EventRecord;
import dev.outband.wsman.amt.power.PowerAction;
import dev.outband.wsman.amt.power.PowerStatus;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import java.io.IOException;
import java.time.Duration;
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
