package dev.outband.simulator.device;

/** Redirection switches: IDE-R, SOL, the redirection listener and KVM. */
public final class Redirection {
    private boolean ider;
    /** On, as a console that set the device up for SOL left it: the simulated serial port is always there. */
    private boolean sol = true;
    private boolean listener = true;
    private boolean kvm = true;

    public synchronized boolean ider() {
        return ider;
    }

    public synchronized boolean sol() {
        return sol;
    }

    public synchronized boolean listener() {
        return listener;
    }

    /** The KVM server asks this before accepting a session. */
    public synchronized boolean kvm() {
        return kvm;
    }

    public synchronized void setFeatures(boolean ider, boolean sol) {
        this.ider = ider;
        this.sol = sol;
    }

    public synchronized void setListener(boolean on) {
        this.listener = on;
    }

    /** As from the factory: IDE-R and SOL off, the listener and KVM on. */
    public synchronized void reset() {
        ider = false;
        sol = false;
        listener = true;
        kvm = true;
    }

    public synchronized void setKvm(boolean on) {
        this.kvm = on;
    }
}
