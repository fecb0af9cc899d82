package dev.outband.simulator.kvm;

import dev.outband.kvm.redirection.SessionType;
import dev.outband.simulator.device.Consent;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.sol.SolServer;

/** Connects a virtual device to the KVM server: the screen follows the device's power state. */
public final class DeviceScreen {
    private DeviceScreen() {
    }

    /** The device's redirection service (16994-like): user consent, digest with its credentials, then RFB or SOL. */
    public static RedirectionServer redirectionServer(VirtualDevice device) {
        RfbServer rfb = RfbServer.amt(() -> modeOf(device));
        Consent consent = device.consent();
        return new RedirectionServer(device.credentials().user(), device.credentials().password().toCharArray(),
                device.digestRealm(), rfb, () -> device.redirection().kvm(),
                new SessionGate(consent::openSession, consent::closeSession))
                .with(SessionType.SOL, new SolServer(device));
    }

    static ScreenMode modeOf(VirtualDevice device) {
        return switch (device.display()) {
            case BLACK -> ScreenMode.OFF;
            case BOOTING, BIOS_SETUP, PXE_BOOT, DIAGNOSTICS -> ScreenMode.BOOTING;
            case DESKTOP -> ScreenMode.ON;
        };
    }
}
