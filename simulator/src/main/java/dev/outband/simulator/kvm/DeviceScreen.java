package dev.outband.simulator.kvm;

import dev.outband.kvm.redirection.SessionType;
import dev.outband.simulator.device.Consent;
import dev.outband.simulator.device.Display;
import dev.outband.simulator.device.VirtualDevice;
import java.util.List;
import dev.outband.simulator.sol.SolServer;

/** Connects a virtual device to the KVM server: the screen follows the device's power state. */
public final class DeviceScreen {
    private DeviceScreen() {
    }

    /** The device's redirection service (16994-like): user consent, digest with its accounts of the moment, then RFB, SOL or IDE-R. */
    public static RedirectionServer redirectionServer(VirtualDevice device) {
        RfbServer rfb = RfbServer.amt(() -> modeOf(device), () -> firmwareLines(device));
        Consent consent = device.consent();
        SolServer sol = new SolServer(device);
        return new RedirectionServer(device.provisioning()::ha1, device.digestRealm(), rfb, () -> device.redirection().kvm(),
                new SessionGate(consent::openSession, consent::closeSession))
                .serving(SessionType.IDER, () -> device.redirection().ider(), device.ider().handler())
                .serving(SessionType.SOL, sol::enabled, sol);
    }

    /** What the firmware printed while it boots from IDE-R; nothing on other screens. */
    static List<String> firmwareLines(VirtualDevice device) {
        return device.display() == Display.IDER_BOOT ? device.ider().screenLines() : List.of();
    }

    static ScreenMode modeOf(VirtualDevice device) {
        return switch (device.display()) {
            case BLACK -> ScreenMode.OFF;
            case BOOTING, BIOS_SETUP, PXE_BOOT, DIAGNOSTICS, IDER_BOOT -> ScreenMode.BOOTING;
            case DESKTOP -> ScreenMode.ON;
        };
    }
}
