package dev.outband.wsman.amt.power;

import java.util.Optional;

/** Power actions by their DMT number; boot actions carry a boot target and a base CIM state. */
public enum PowerAction {
    ON(2, 2, BootTarget.NONE),
    SLEEP(4, 4, BootTarget.NONE),
    CYCLE(5, 5, BootTarget.NONE),
    HIBERNATE(7, 7, BootTarget.NONE),
    OFF(8, 8, BootTarget.NONE),
    RESET(10, 10, BootTarget.NONE),
    SOFT_OFF(12, 12, BootTarget.NONE),
    SOFT_RESET(14, 14, BootTarget.NONE),
    ON_TO_BIOS(100, 2, BootTarget.BIOS),
    RESET_TO_BIOS(101, 10, BootTarget.BIOS),
    DIAGNOSTIC_ON(300, 2, BootTarget.DIAGNOSTIC),
    DIAGNOSTIC_RESET(301, 10, BootTarget.DIAGNOSTIC),
    PXE_RESET(400, 10, BootTarget.PXE),
    PXE_ON(401, 2, BootTarget.PXE);

    public enum BootTarget { NONE, BIOS, PXE, DIAGNOSTIC }

    private final int number;
    private final int cimState;
    private final BootTarget target;

    PowerAction(int number, int cimState, BootTarget target) {
        this.number = number;
        this.cimState = cimState;
        this.target = target;
    }

    public int number() {
        return number;
    }

    /** The CIM PowerState sent in RequestPowerStateChange. */
    public int cimState() {
        return cimState;
    }

    public BootTarget bootTarget() {
        return target;
    }

    public static Optional<PowerAction> byNumber(int number) {
        for (PowerAction a : values()) {
            if (a.number == number) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
