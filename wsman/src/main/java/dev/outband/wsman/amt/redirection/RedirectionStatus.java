package dev.outband.wsman.amt.redirection;

/** Which redirection features are enabled and whether the redirection listener is on. */
public record RedirectionStatus(boolean listenerEnabled, boolean ider, boolean sol, boolean kvm) {
}
