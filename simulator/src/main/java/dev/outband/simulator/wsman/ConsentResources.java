package dev.outband.simulator.wsman;

import dev.outband.simulator.device.Consent;
import dev.outband.simulator.device.Provisioning;
import dev.outband.simulator.device.VirtualDevice;
import java.time.Instant;
import java.util.List;

/** User consent and the clock. */
final class ConsentResources {
    private ConsentResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of("IPS_OptInService", d -> List.of(optIn(d)))
                        .put((d, body) -> {
                            long policy = body.getLong("OptInRequired", -1);
                            if (policy != 0 && policy != 1 && policy != Consent.ALL) {
                                throw SoapFault.invalidRepresentation("OptInRequired");
                            }
                            // Client control mode keeps consent for everything, whatever is asked (AMT's rule).
                            if (d.provisioning().controlMode() != Provisioning.CLIENT) {
                                d.consent().setRequired(policy);
                            }
                            return optIn(d);
                        })
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

    /** As in go-wsman-messages' ips/optin/get.xml. */
    private static Instance optIn(VirtualDevice d) {
        return Instance.of("IPS_OptInService")
                .with("CanModifyOptInPolicy", 1)
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
