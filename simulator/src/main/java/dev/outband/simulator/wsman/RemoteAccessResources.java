package dev.outband.simulator.wsman;

import dev.outband.simulator.device.RemoteAccessConfig;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import java.util.List;
import java.util.Map;

/** CIRA set-up: MPS servers, remote access policies, environment detection, user-initiated connections. */
final class RemoteAccessResources {
    static final String SERVICE = "AMT_RemoteAccessService";
    static final String SERVER = "AMT_ManagementPresenceRemoteSAP";
    static final String POLICY = "AMT_RemoteAccessPolicyRule";
    static final String APPLIES_TO = "AMT_RemoteAccessPolicyAppliesToMPS";
    static final String DETECTION = "AMT_EnvironmentDetectionSettingData";
    static final String USER_INITIATED = "AMT_UserInitiatedConnectionService";
    private static final String DETECTION_ID = "Intel(r) AMT Environment Detection Settings";
    private static final long CIM_INVALID_PARAMETER = 5;

    private RemoteAccessResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of(SERVICE, d -> List.of(Instance.of(SERVICE)
                                .with("CreationClassName", SERVICE)
                                .with("ElementName", "Intel(r) AMT Remote Access Service")
                                .with("IsRemoteTunnelConnected", d.remoteAccess().tunnelConnected())
                                .with("Name", "Intel(r) AMT Remote Access Service")
                                .with("RemoteTunnelKeepAliveTimeout", 4294967295L)
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")))
                        .method("AddMpServer", (d, in) -> {
                            RemoteAccessConfig.Added added = d.remoteAccess().addMpServer(in.get("AccessInfo"),
                                    (int) in.getLong("InfoFormat", -1), (int) in.getLong("Port", -1),
                                    (int) in.getLong("AuthMethod", -1), in.find("Username").orElse(null),
                                    in.find("Password").orElse(null), in.get("CN"));
                            Instance output = Instance.output(SERVICE, "AddMpServer");
                            if (added.name() != null) {
                                output.with("MpServer", server(added.name()));
                            }
                            return output.with("ReturnValue", added.returnValue());
                        })
                        .method("AddRemoteAccessPolicyRule", (d, in) -> {
                            RemoteAccessConfig.Added added = d.remoteAccess().addPolicy(
                                    (int) in.getLong("Trigger", -1), in.getLong("TunnelLifeTime", 0),
                                    in.get("ExtendedData"), in.get("MpServer"));
                            Instance output = Instance.output(SERVICE, "AddRemoteAccessPolicyRule");
                            if (added.name() != null) {
                                output.with("PolicyRule", policy(added.name()));
                            }
                            return output.with("ReturnValue", added.returnValue());
                        })
                        .build(),
                ResourceClass.of(SERVER, d -> d.remoteAccess().servers().stream().map(s -> Instance.of(SERVER)
                                .with("AccessInfo", s.accessInfo())
                                .with("CN", s.commonName())
                                .with("CreationClassName", SERVER)
                                .with("ElementName", "Intel(r) AMT:Management Presence Server")
                                .with("InfoFormat", s.infoFormat())
                                .with("Name", s.name())
                                .with("Port", s.port())
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")).toList())
                        .keys("Name")
                        .delete((d, selectors) -> {
                            if (!d.remoteAccess().deleteMpServer(required(selectors, "Name"))) {
                                throw SoapFault.destinationUnreachable();
                            }
                        })
                        .build(),
                ResourceClass.of(POLICY, d -> d.remoteAccess().policies().stream().map(p -> {
                            Instance rule = Instance.of(POLICY)
                                    .with("CreationClassName", POLICY)
                                    // AMT spells its element name this way.
                                    .with("ElementName", "Inte(r) AMT:Remote Access Policy");
                            if (p.extendedData().length > 0) {
                                rule.with("ExtendedData", p.extendedDataBase64());
                            }
                            return rule.with("PolicyRuleName", p.name())
                                    .with("SystemCreationClassName", "CIM_ComputerSystem")
                                    .with("SystemName", "Intel(r) AMT")
                                    .with("Trigger", p.trigger())
                                    .with("TunnelLifeTime", p.tunnelLifeTime());
                        }).toList())
                        .keys("PolicyRuleName")
                        .delete((d, selectors) -> {
                            if (!d.remoteAccess().deletePolicy(required(selectors, "PolicyRuleName"))) {
                                throw SoapFault.destinationUnreachable();
                            }
                        })
                        .build(),
                ResourceClass.of(APPLIES_TO, d -> d.remoteAccess().policies().stream()
                                .flatMap(p -> p.appliesTo().stream().map(a -> appliesTo(p.name(), a))).toList())
                        .put((d, body) -> {
                            RemoteAccessConfig.AppliesTo updated = d.remoteAccess().putAppliesTo(
                                    body.get("ManagedElement"), body.get("PolicySet"),
                                    (int) body.getLong("OrderOfAccess", -1), (int) body.getLong("MpsType", -1))
                                    .orElseThrow(() -> invalid("ManagedElement and PolicySet must name an existing "
                                            + "association; MpsType 0..2, OrderOfAccess >= 0"));
                            return appliesTo(policyNamed(d.remoteAccess(), body), updated);
                        })
                        .build(),
                ResourceClass.of(DETECTION, d -> List.of(detection(d.remoteAccess().detectionStrings())))
                        .put((d, body) -> {
                            if (!d.remoteAccess().setDetectionStrings(body.all("DetectionStrings"))) {
                                throw invalid("DetectionStrings: at most 5, each 1..190 characters");
                            }
                            return detection(d.remoteAccess().detectionStrings());
                        })
                        .build(),
                ResourceClass.of(USER_INITIATED, d -> List.of(Instance.of(USER_INITIATED)
                                .with("CreationClassName", USER_INITIATED)
                                .with("ElementName", "Intel(r) AMT User Initiated Connection Service")
                                .with("EnabledState", d.remoteAccess().userInitiated())
                                .with("Name", "Intel(r) AMT User Initiated Connection Service")
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")))
                        .method("RequestStateChange", (d, in) -> Instance.output(USER_INITIATED, "RequestStateChange",
                                d.remoteAccess().setUserInitiated((int) in.getLong("RequestedState", -1))
                                        ? 0 : CIM_INVALID_PARAMETER))
                        .build());
    }

    private static Reference server(String name) {
        return Reference.of(SERVER, "CreationClassName", SERVER, "Name", name,
                "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    }

    private static Reference policy(String name) {
        return Reference.of(POLICY, "CreationClassName", POLICY, "PolicyRuleName", name,
                "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    }

    private static Instance appliesTo(String policyName, RemoteAccessConfig.AppliesTo a) {
        return Instance.of(APPLIES_TO)
                .with("ManagedElement", server(a.mpsName()))
                .with("MpsType", a.mpsType())
                .with("OrderOfAccess", a.orderOfAccess())
                .with("PolicySet", policy(policyName));
    }

    private static String policyNamed(RemoteAccessConfig config, CimObject body) {
        String reference = body.get("PolicySet");
        return config.policies().stream().map(RemoteAccessConfig.PolicyRule::name).filter(reference::contains)
                .max(java.util.Comparator.comparingInt(String::length)).orElse("");
    }

    private static Instance detection(List<String> strings) {
        Instance instance = Instance.of(DETECTION).with("DetectionAlgorithm", 0);
        if (!strings.isEmpty()) {
            instance.with("DetectionStrings", strings);
        }
        return instance.with("ElementName", DETECTION_ID).with("InstanceID", DETECTION_ID);
    }

    private static String required(Map<String, String> selectors, String name) throws SoapFault {
        String value = selectors.get(name);
        if (value == null) {
            throw SoapFault.invalidSelectors();
        }
        return value;
    }

    private static SoapFault invalid(String reason) {
        return new SoapFault("Sender", Namespaces.WSMAN, "InvalidRepresentation", reason);
    }
}
