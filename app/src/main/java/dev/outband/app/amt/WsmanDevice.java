package dev.outband.app.amt;

import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.sol.SolSession;
import dev.outband.wsman.amt.AmtClient;
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
    public RfbSession kvm(Duration timeout) throws IOException {
        return kvm.open(timeout);
    }

    @Override
    public SolSession sol(Duration timeout) throws IOException {
        return sol.open(timeout);
    }
}
