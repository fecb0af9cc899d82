package dev.outband.app.ui.kvm;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.KvmConsent;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.trust.CertificateTrust;
import dev.outband.kvm.fx.KvmWindow;
import dev.outband.kvm.rfb.RfbSession;
import java.io.IOException;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Opens the KVM viewer on a device: user consent first when the device asks for it, then the session,
 * all connecting off the FX thread.
 */
public final class DeviceKvm {
    /** The device as it will be reached (perhaps just pinned) and its consent request, if one is open. */
    private record Prepared(Device device, KvmConsent consent) {
    }

    private record Opened(Device device, RfbSession session) {
    }

    private final ConsentFlow consentFlow;
    private final DeviceConnections connections;
    private final CertificateTrust trust;
    private final Supplier<PowerRun> power;

    /** {@code power} runs the power actions offered in the KVM window (asked for once, when first used). */
    public DeviceKvm(Background background, DeviceConnections connections, CertificateTrust trust,
                     Supplier<Window> owner, Supplier<PowerRun> power) {
        this.consentFlow = new ConsentFlow(background, owner, "the remote screen");
        this.connections = connections;
        this.trust = trust;
        this.power = power;
    }

    public void open(Device device) {
        trust.run("Opening the remote screen of " + device.name(), device, this::prepare, prepared -> {
            if (prepared.consent() == null) {
                connect(prepared.device());
            } else {
                consentFlow.ask(prepared.device(), prepared.consent(), () -> connect(prepared.device()));
            }
        });
    }

    private Prepared prepare(Device device) throws Exception {
        KvmConsent consent = new KvmConsent(connections.device(device));
        return new Prepared(device, consent.begin() ? consent : null);
    }

    private void connect(Device device) {
        trust.run("Opening the remote screen of " + device.name(), device, d -> {
            RfbSession session = connections.device(d).kvm();
            session.start();
            return new Opened(d, session);
        }, opened -> {
            KvmWindow window = new KvmWindow(opened.session(), opened.device().name() + " — Outband KVM",
                    () -> reconnect(opened.device()));
            window.setActions("Power", new WindowPowerActions(power, false).of(opened.device(), window.stage(), window::say));
            window.show();
        });
    }

    /** Consent lasts one session: when the device wants it again, the technician starts over with KVM. */
    private RfbSession reconnect(Device device) throws Exception {
        if (new KvmConsent(connections.device(device)).needed()) {
            throw new IOException(device.name() + " asks for user consent again; close this window and press KVM");
        }
        return connections.device(device).kvm();
    }
}
