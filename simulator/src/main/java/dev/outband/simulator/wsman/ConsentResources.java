package dev.outband.simulator.wsman;

import dev.outband.simulator.device.Consent;
import dev.outband.simulator.device.Provisioning;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.CimObject;
import java.time.Instant;
import java.util.List;

/** User consent and the clock. */
final class ConsentResources {
    /** OptInRequired's values: none, KVM only, every redirection. */
    private static final List<Long> POLICIES = List.of(0L, 1L, Consent.ALL);

    private ConsentResources() {
    }

    /**
     * Only a device in admin control mode lets the policy change: in client control mode AMT always asks
     * for consent, so it reports CanModifyOptInPolicy 0 and refuses the Put.
     */
    private static boolean canModifyPolicy(VirtualDevice d) {
        return d.provisioning().controlMode() == Provisioning.ADMIN;
    }

    private static Instance putPolicy(VirtualDevice d, CimObject body) throws SoapFault {
        long wanted = body.getLong("OptInRequired", -1);
        if (!POLICIES.contains(wanted)) {
            throw SoapFault.invalidRepresentation("OptInRequired " + body.get("OptInRequired") + " is not 0, 1 or 4294967295");
        }
        if (wanted != d.consent().required() && !canModifyPolicy(d)) {
            throw SoapFault.accessDenied("the user consent policy cannot change in client control mode");
        }
        d.consent().setRequired(wanted);
        return optIn(d);
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("IPS_OptInService", d -> List.of(optIn(d)))
                        .put(ConsentResources::putPolicy)
                        .method("StartOptIn", (d, in) -> Instance.output("IPS_OptInService", "StartOptIn",
                                d.consent().start()))
                        .method("SendOptInCode", (d, in) -> Instance.output("IPS_OptInService", "SendOptInCode",
                                d.consent().send(in.get("OptInCode"))))
                        .method("CancelOptIn", (d, in) -> Instance.output("IPS_OptInService", "CancelOptIn",
                                d.consent().cancel()))
                        .build(),
                ResourceClass.of("AMT_TimeSynchronizationService", d -> List.of(
                                Instance.of("AMT_TimeSynchronizationService")
                                        .with("CreationClassName", "AMT_TimeSynchronizationService")
                                        .with("ElementName", "Intel(r) AMT Time Synchronization Service")
                                        .with("EnabledState", 5)
                                        .with("LocalTimeSyncEnabled", 0)
                                        .with("Name", "Intel(r) AMT Time Synchronization Service")
                                        .with("TimeSource", 1)))
                        .method("GetLowAccuracyTimeSynch", (d, in) -> Instance.output("AMT_TimeSynchronizationService",
                                "GetLowAccuracyTimeSynch", 0).with("Ta0", d.clock().getEpochSecond()))
                        .method("SetHighAccuracyTimeSynch", (d, in) -> {
                            d.setClock(Instant.ofEpochSecond(in.getLong("Tm2", 0)));
                            return Instance.output("AMT_TimeSynchronizationService", "SetHighAccuracyTimeSynch", 0);
                        })
                        .build());
    }

    private static Instance optIn(VirtualDevice d) {
        return Instance.of("IPS_OptInService")
                .with("CanModifyOptInPolicy", canModifyPolicy(d) ? 1 : 0)
                .with("CreationClassName", "IPS_OptInService")
                .with("ElementName", "Intel(r) AMT OptIn Service")
                .with("Name", "Intel(r) AMT OptIn Service")
                .with("OptInCodeTimeout", 120)
                .with("OptInDisplayTimeout", 300)
                .with("OptInRequired", d.consent().required())
                .with("OptInState", d.consent().state())
                .with("SystemCreationClassName", "CIM_ComputerSystem")
                .with("SystemName", "Intel(r) AMT");
    }
}
