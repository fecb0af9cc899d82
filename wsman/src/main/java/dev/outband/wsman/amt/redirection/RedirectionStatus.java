package dev.outband.wsman.amt.redirection;

import dev.outband.wsman.soap.CimObject;

/** Which redirection features are enabled and whether the redirection listener is on. */
public record RedirectionStatus(boolean listenerEnabled, boolean ider, boolean sol, boolean kvm) {
    /** AMT_RedirectionService.EnabledState: 32768 + 1 for IDE-R + 2 for SOL. */
    static final int BASE = 32768;

    /** From AMT_RedirectionService and CIM_KVMRedirectionSAP (2 enabled, 6 enabled but offline, 3 disabled). */
    public static RedirectionStatus from(CimObject service, CimObject kvmAccessPoint) {
        long features = service.getLong("EnabledState", BASE) - BASE;
        long kvm = kvmAccessPoint.getLong("EnabledState", 3);
        return new RedirectionStatus(service.getBoolean("ListenerEnabled"), (features & 1) != 0, (features & 2) != 0,
                kvm == 2 || kvm == 6);
    }
}
