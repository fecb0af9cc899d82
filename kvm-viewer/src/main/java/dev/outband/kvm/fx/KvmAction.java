package dev.outband.kvm.fx;

/**
 * Something the application offers inside the KVM window (e.g. the device's power actions), listed under one
 * toolbar menu. The viewer knows nothing of what it does; {@code run} is called on the FX thread.
 */
public record KvmAction(String label, Runnable run) {
}
