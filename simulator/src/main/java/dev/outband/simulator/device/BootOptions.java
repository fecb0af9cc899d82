package dev.outband.simulator.device;

import java.util.List;

/**
 * One-shot boot options as AMT_BootSettingData + ChangeBootOrder + SetBootConfigRole left them.
 * iderBootDevice: 0 the IDE-R floppy image, 1 the CD image.
 */
public record BootOptions(boolean biosSetup, boolean useIder, boolean useSol, String source, boolean roleSet,
                          int iderBootDevice, boolean lockKeyboard) {
    public static final String PXE = "Intel(r) AMT: Force PXE Boot";
    public static final String DIAGNOSTIC = "Intel(r) AMT: Force Diagnostic Boot";
    public static final String HARD_DRIVE = "Intel(r) AMT: Force Hard-drive Boot";
    public static final String CD_DVD = "Intel(r) AMT: Force CD/DVD Boot";
    /** The sources ChangeBootOrder accepts (the device lists the first three as CIM_BootSourceSetting). */
    public static final List<String> SOURCES = List.of(HARD_DRIVE, PXE, CD_DVD, DIAGNOSTIC);

    public BootOptions(boolean biosSetup, boolean useIder, boolean useSol, String source, boolean roleSet) {
        this(biosSetup, useIder, useSol, source, roleSet, 0, false);
    }

    public static BootOptions none() {
        return new BootOptions(false, false, false, null, false);
    }

    public BootOptions withSource(String newSource) {
        return new BootOptions(biosSetup, useIder, useSol, newSource, roleSet, iderBootDevice, lockKeyboard);
    }

    public BootOptions withRoleSet(boolean set) {
        return new BootOptions(biosSetup, useIder, useSol, source, set, iderBootDevice, lockKeyboard);
    }

    Display bootScreen() {
        if (biosSetup) {
            return Display.BIOS_SETUP;
        }
        if (useIder) {
            return Display.IDER_BOOT;
        }
        if (roleSet && PXE.equals(source)) {
            return Display.PXE_BOOT;
        }
        if (roleSet && DIAGNOSTIC.equals(source)) {
            return Display.DIAGNOSTICS;
        }
        return Display.BOOTING;
    }
}
