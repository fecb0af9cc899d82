package dev.outband.simulator.device;

/** The virtual machine's power state with its CIM PowerState number. */
public enum PowerState {
    ON(2), SLEEP(4), HIBERNATE(7), OFF(8);

    private final int cim;

    PowerState(int cim) {
        this.cim = cim;
    }

    public int cim() {
        return cim;
    }
}
