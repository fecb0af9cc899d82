package dev.outband.wsman.amt.redirection;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.List;

/** Enables IDE-R, SOL and KVM redirection (AMT_RedirectionService, CIM_KVMRedirectionSAP). */
public final class RedirectionService {
    private static final Reference SERVICE = Reference.of("AMT_RedirectionService", "CreationClassName",
            "AMT_RedirectionService", "Name", "Intel(r) AMT Redirection Service", "SystemCreationClassName",
            "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    private static final Reference KVM = Reference.of("CIM_KVMRedirectionSAP", "CreationClassName",
            "CIM_KVMRedirectionSAP", "Name", "KVM Redirection Service Access Point", "SystemCreationClassName",
            "CIM_ComputerSystem", "SystemName", "ManagedSystem");
    private static final int BASE = 32768;

    private final WsmanClient wsman;

    public RedirectionService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public RedirectionStatus status() throws WsmanException {
        CimObject service = wsman.get(SERVICE);
        long state = service.getLong("EnabledState", BASE);
        CimObject kvm = wsman.get(KVM);
        // EnabledState 32768 + 1·IDER + 2·SOL; KVM SAP: 2 enabled, 6 enabled-but-offline, 3 disabled.
        long kvmState = kvm.getLong("EnabledState", 3);
        return new RedirectionStatus(service.getBoolean("ListenerEnabled"), (state - BASE & 1) != 0,
                (state - BASE & 2) != 0, kvmState == 2 || kvmState == 6);
    }

    /** Sets IDE-R and SOL, turns the listener on when either is on, and switches KVM. */
    public void enable(boolean ider, boolean sol, boolean kvm) throws WsmanException {
        wsman.invoke(SERVICE, "RequestStateChange",
                List.of(Argument.of("RequestedState", BASE + (ider ? 1 : 0) + (sol ? 2 : 0))));
        wsman.invoke(KVM, "RequestStateChange", List.of(Argument.of("RequestedState", kvm ? 2 : 3)));
        CimObject current = wsman.get(SERVICE);
        List<Argument> props = new ArrayList<>();
        boolean listener = ider || sol || kvm;
        current.properties().forEach((name, values) -> props.add(name.equals("ListenerEnabled")
                ? Argument.of(name, listener) : new Argument.Values(name, values)));
        wsman.put(SERVICE, props);
    }
}
