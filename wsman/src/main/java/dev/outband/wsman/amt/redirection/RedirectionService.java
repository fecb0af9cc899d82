package dev.outband.wsman.amt.redirection;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.List;
import java.util.Map;

/** Enables IDE-R, SOL and KVM redirection (AMT_RedirectionService, CIM_KVMRedirectionSAP). */
public final class RedirectionService {
    private static final Reference SERVICE = Reference.of("AMT_RedirectionService", "CreationClassName",
            "AMT_RedirectionService", "Name", "Intel(r) AMT Redirection Service", "SystemCreationClassName",
            "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    private static final Reference KVM = Reference.of("CIM_KVMRedirectionSAP", "CreationClassName",
            "CIM_KVMRedirectionSAP", "Name", "KVM Redirection Service Access Point", "SystemCreationClassName",
            "CIM_ComputerSystem", "SystemName", "ManagedSystem");

    private final WsmanClient wsman;

    public RedirectionService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public RedirectionStatus status() throws WsmanException {
        return RedirectionStatus.from(wsman.get(SERVICE), wsman.get(KVM));
    }

    /** Sets IDE-R and SOL, turns the listener on when either is on, and switches KVM. */
    public void enable(boolean ider, boolean sol, boolean kvm) throws WsmanException {
        apply(new RedirectionStatus(ider || sol || kvm, ider, sol, kvm));
    }

    /** Sets every switch as {@code wanted} says, the listener included (off, no redirection session opens). */
    public void apply(RedirectionStatus wanted) throws WsmanException {
        wsman.invoke(SERVICE, "RequestStateChange", List.of(Argument.of("RequestedState",
                RedirectionStatus.BASE + (wanted.ider() ? 1 : 0) + (wanted.sol() ? 2 : 0))));
        wsman.invoke(KVM, "RequestStateChange", List.of(Argument.of("RequestedState", wanted.kvm() ? 2 : 3)));
        wsman.put(SERVICE, wsman.get(SERVICE).withChanges(Map.of("ListenerEnabled", wanted.listenerEnabled())));
    }
}
