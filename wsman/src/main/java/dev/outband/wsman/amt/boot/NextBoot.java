package dev.outband.wsman.amt.boot;

/**
 * What the technician asks of the next boot: where it goes, whether BIOS and OS text go to Serial-over-LAN
 * (UseSOL), and whether the local keyboard is locked meanwhile. AMT applies it once, at the next power-on or reset.
 */
public record NextBoot(BootTarget target, boolean useSol, boolean lockKeyboard) {
    public NextBoot {
        if (target == null) {
            throw new IllegalArgumentException("a next boot needs a target");
        }
    }

    public static NextBoot normal() {
        return new NextBoot(BootTarget.NORMAL, false, false);
    }
}
