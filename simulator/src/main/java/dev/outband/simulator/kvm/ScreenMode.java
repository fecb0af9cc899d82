package dev.outband.simulator.kvm;

/** What the virtual device's screen shows; the power-state model supplies it. */
public enum ScreenMode {
    /** Powered off or asleep: black. */
    OFF,
    /** Firmware/BIOS text screen. */
    BOOTING,
    /** A desktop with a clock and moving windows. */
    ON
}
