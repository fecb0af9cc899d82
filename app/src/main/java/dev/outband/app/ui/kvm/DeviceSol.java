package dev.outband.app.ui.kvm;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.KvmConsent;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.app.ui.trust.CertificateTrust;
import dev.outband.kvm.fx.terminal.TerminalWindow;
import dev.outband.kvm.sol.SolSession;
import java.io.IOException;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Opens the serial console (Serial-over-LAN) of a device in its own window, connecting off the FX thread: user
 * consent first when the device asks it for every redirection (client control mode's default), as for KVM. The
 * window offers the device's power actions, so "reset into BIOS setup" and the setup screen are one window.
 */
public final class DeviceSol {
    /** The device as it will be reached (perhaps just pinned) and its consent request, if one is open. */
    private record Prepared(Device device, KvmConsent consent) {
    }

    private record Opened(Device device, SolSession session) {
    }

    private final DeviceConnections connections;
    private final CertificateTrust trust;
    private final ConsentFlow consentFlow;
    private final Supplier<PowerRun> power;

    public DeviceSol(Background background, DeviceConnections connections, CertificateTrust trust,
                     Supplier<Window> owner, Supplier<PowerRun> power) {
        this.connections = connections;
        this.trust = trust;
        this.consentFlow = new ConsentFlow(background, owner, "the serial console");
        this.power = power;
    }

    public void open(Device device) {
        trust.run("Opening the serial console of " + device.name(), device, this::prepare, prepared -> {
            if (prepared.consent() == null) {
                connect(prepared.device());
            } else {
                consentFlow.ask(prepared.device(), prepared.consent(), () -> connect(prepared.device()));
            }
        });
    }

    private Prepared prepare(Device device) throws Exception {
        KvmConsent consent = KvmConsent.forAllRedirection(connections.device(device));
        return new Prepared(device, consent.begin() ? consent : null);
    }

    private void connect(Device device) {
        trust.run("Opening the serial console of " + device.name(), device,
                d -> new Opened(d, connections.device(d).sol()), opened -> {
                    Device d = opened.device();
                    TerminalWindow window = new TerminalWindow(opened.session(), d.name() + " — Outband serial console",
                            () -> reconnect(d));
                    window.setActions("Power", new WindowPowerActions(power, true).of(d, window.stage(), window::say));
                    window.show();
                });
    }

    /** Consent lasts one session: when the device wants it again, the technician starts over with Serial. */
    private SolSession reconnect(Device device) throws Exception {
        if (KvmConsent.forAllRedirection(connections.device(device)).needed()) {
            throw new IOException(device.name() + " asks for user consent again; close this window and press Serial");
        }
        return connections.device(device).sol();
    }
}
