package dev.outband.wsman.amt.features;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.redirection.RedirectionService;
import dev.outband.wsman.amt.redirection.RedirectionStatus;
import dev.outband.wsman.soap.Reference;
import java.util.Map;

/** Reads and changes which redirection features are on and when the user must consent. */
public final class FeatureService {
    static final Reference OPT_IN = Reference.of("IPS_OptInService", "CreationClassName",
            "IPS_OptInService", "Name", "Intel(r) AMT OptIn Service", "SystemCreationClassName",
            "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    static final Reference KVM_SETTINGS = Reference.of("IPS_KVMRedirectionSettingData", "InstanceID",
            "Intel(r) KVM Redirection Settings");

    private final WsmanClient wsman;

    public FeatureService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public Features read() throws WsmanException {
        return Features.from(new RedirectionService(wsman).status(), wsman.get(OPT_IN), wsman.get(KVM_SETTINGS));
    }

    /** Switches redirection as {@code wanted} says, then the consent policy when it differs from what is set. */
    public void apply(RedirectionStatus wanted, ConsentPolicy consent) throws WsmanException {
        new RedirectionService(wsman).apply(wanted);
        var optIn = wsman.get(OPT_IN);
        if (optIn.getLong("OptInRequired", -1) != consent.optInRequired()) {
            wsman.put(OPT_IN, optIn.withChanges(Map.of("OptInRequired", consent.optInRequired())));
        }
    }
}
