package dev.outband.wsman.amt.boot;

import dev.outband.wsman.soap.CimObject;

/** What the device can do at its next boot (AMT_BootCapabilities). */
public record BootCapabilities(boolean biosSetup, boolean pxe, boolean hardDrive, boolean cdDvd, boolean diagnostic,
                               boolean ider, boolean sol, boolean keyboardLock) {

    public static BootCapabilities from(CimObject o) {
        return new BootCapabilities(o.getBoolean("BIOSSetup"), o.getBoolean("ForcePXEBoot"),
                o.getBoolean("ForceHardDriveBoot"), o.getBoolean("ForceCDorDVDBoot"), o.getBoolean("ForceDiagnosticBoot"),
                o.getBoolean("IDER"), o.getBoolean("SOL"), o.getBoolean("KeyboardLock"));
    }

    public boolean allows(BootTarget target) {
        return switch (target) {
            case NORMAL -> true;
            case BIOS_SETUP -> biosSetup;
            case PXE -> pxe;
            case HARD_DRIVE -> hardDrive;
            case CD_DVD -> cdDvd;
            case DIAGNOSTIC -> diagnostic;
            case IDER_CD, IDER_FLOPPY -> ider;
        };
    }
}
