package dev.outband.wsman.amt.power;

/** The device's CIM power state and, on AMT > 9, the OS power-saving state (0 when not reported). */
public record PowerStatus(int cimState, int osPowerSavingState) {

    public String name() {
        return switch (cimState) {
            case 2 -> "On";
            case 3 -> "Sleep - Light";
            case 4 -> "Sleep - Deep";
            case 6 -> "Off - Hard";
            case 7 -> "Hibernate";
            case 8 -> "Off - Soft";
            case 9 -> "Power Cycle";
            case 13 -> "Off - Hard Graceful";
            default -> "Unknown (" + cimState + ")";
        };
    }

    public boolean isOn() {
        return cimState == 2;
    }
}
