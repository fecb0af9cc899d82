package dev.outband.simulator.device;

/** What the device's screen shows; the KVM server draws from this. */
public enum Display {
    BLACK, BOOTING, BIOS_SETUP, PXE_BOOT, DIAGNOSTICS, DESKTOP,
    /** The firmware booting from the IDE-R drives: it stays here and shows what it read. */
    IDER_BOOT
}
