package dev.outband.simulator.device;

/** One-shot boot options as AMT_BootSettingData + ChangeBootOrder + SetBootConfigRole left them. */
public record BootOptions(boolean biosSetup, boolean useIder, boolean useSol, String source, boolean roleSet) {
    public static final String PXE = "Intel(r) AMT: Force PXE Boot";
    public static final String DIAGNOSTIC = "Intel(r) AMT: Force Diagnostic Boot";

    public static BootOptions none() {
        return new BootOptions(false, false, false, null, false);
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
