package dev.outband.app.ui.kvm;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.PowerRun;
import dev.outband.app.store.Device;
import dev.outband.app.ui.trust.CertificateTrust;
import dev.outband.kvm.fx.terminal.TerminalWindow;
import dev.outband.kvm.sol.SolSession;
import java.util.function.Supplier;

/**
 * Opens the serial console (Serial-over-LAN) of a device in its own window, connecting off the FX thread; the
 * window offers the device's power actions, so "reset into BIOS setup" and the setup screen are one window.
 */
public final class DeviceSol {
    private record Opened(Device device, SolSession session) {
    }

    private final DeviceConnections connections;
    private final CertificateTrust trust;
    private final Supplier<PowerRun> power;

    public DeviceSol(DeviceConnections connections, CertificateTrust trust, Supplier<PowerRun> power) {
        this.connections = connections;
        this.trust = trust;
        this.power = power;
    }

    public void open(Device device) {
        trust.run("Opening the serial console of " + device.name(), device,
                d -> new Opened(d, connections.device(d).sol()), opened -> {
                    Device d = opened.device();
                    TerminalWindow window = new TerminalWindow(opened.session(), d.name() + " — Outband serial console",
                            () -> connections.device(d).sol());
                    window.setActions("Power", new WindowPowerActions(power, true).of(d, window.stage(), window::say));
                    window.show();
                });
    }
}
