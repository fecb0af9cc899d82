package dev.outband.app.ui.kvm;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.kvm.fx.KvmWindow;
import dev.outband.kvm.rfb.RfbSession;

/** Opens the KVM viewer on a device, connecting off the FX thread. */
public final class DeviceKvm {
    private final Background background;
    private final DeviceConnections connections;

    public DeviceKvm(Background background, DeviceConnections connections) {
        this.background = background;
        this.connections = connections;
    }

    public void open(Device device) {
        background.run("Opening the remote screen of " + device.name(), () -> {
            RfbSession session = connections.kvm(device);
            session.start();
            return session;
        }, session -> new KvmWindow(session, device.name() + " — Outband KVM", () -> connections.kvm(device)).show());
    }
}
