package dev.outband.wsman.amt.boot;

import dev.outband.wsman.soap.CimObject;

/**
 * The one-time boot flags the device holds now (AMT_BootSettingData). A forced source set by ChangeBootOrder
 * is not among them: AMT does not report it here, so {@link #target()} names only what the flags say.
 */
public record BootSettings(boolean biosSetup, boolean biosPause, boolean useIder, int iderBootDevice, boolean useSol,
                           boolean useSafeMode, boolean lockKeyboard, boolean reflashBios) {

    public static BootSettings from(CimObject o) {
        return new BootSettings(o.getBoolean("BIOSSetup"), o.getBoolean("BIOSPause"), o.getBoolean("UseIDER"),
                (int) o.getLong("IDERBootDevice", 0), o.getBoolean("UseSOL"), o.getBoolean("UseSafeMode"),
                o.getBoolean("LockKeyboard"), o.getBoolean("ReflashBIOS"));
    }

    /** IDERBootDevice: 0 the floppy image, 1 the CD image. */
    public BootTarget target() {
        if (biosSetup) {
            return BootTarget.BIOS_SETUP;
        }
        if (useIder) {
            return iderBootDevice == 1 ? BootTarget.IDER_CD : BootTarget.IDER_FLOPPY;
        }
        return BootTarget.NORMAL;
    }

    /** Whether any one-time flag is still set (a later plain reset would carry it). */
    public boolean anySet() {
        return biosSetup || biosPause || useIder || useSol || useSafeMode || lockKeyboard || reflashBios;
    }
}
