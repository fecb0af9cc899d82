package dev.outband.simulator.cira;

import static dev.outband.simulator.wsman.RawWsman.child;
import static dev.outband.simulator.wsman.RawWsman.childNames;
import static dev.outband.simulator.wsman.RawWsman.resourceUri;
import static dev.outband.simulator.wsman.RawWsman.selectors;
import static dev.outband.simulator.wsman.RawWsman.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraCredentialCheck;
import dev.outband.cira.listener.CiraListener;
import dev.outband.cira.listener.ServerIdentity;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.simulator.wsman.LabSteps;
import dev.outband.simulator.wsman.RawWsman;
import dev.outband.simulator.wsman.TestAuthority;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.tls.TrustPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * CIRA set-up over WS-Man and its effect. Expected shapes are AMT's recorded replies in go-wsman-messages,
 * pkg/wsman/wsmantesting/responses/amt/remoteaccess/{service/addmpsserver,service/addremoteaccessservice,
 * policyrule/pull,policyappliestomps/pull}.xml, managementpresence/pull.xml, environmentdetection/{get,put}.xml
 * and userinitiatedconnection/{get,request}.xml; return values 36 and 2058 from its remoteaccess types
 * (ValueMap 0, 1, 36, 38, 2058); ExtendedData "AAAAAAAAABk=" for a 25 s period from DMT's RPS. The calls go to
 * the real cira-local listener.
 */
@Timeout(90)
class RemoteAccessSetupTest {
    private static final String SERVICE = "AMT_RemoteAccessService";
    private static final String SAP = "AMT_ManagementPresenceRemoteSAP";
    private static final String FIRST_SERVER = "Intel(r) AMT:Management Presence Server 0";
    private static final String EVERY_25_SECONDS = "AAAAAAAAABk=";
    private static final String PASSWORD = new String(CiraTestLab.PASSWORD, StandardCharsets.UTF_8);

    @Test
    void serversPoliciesDetectionAndUserInitiatedConnectionsAnswerInAmtsShapes() throws Exception {
        try (Lab lab = new Lab()) {
            RawWsman wsman = lab.wsman;
            Element orphan = addPolicy(wsman, 2, EVERY_25_SECONDS);
            assertThat(childNames(orphan)).containsExactly("ReturnValue");
            assertThat(text(orphan, "ReturnValue")).as("a policy without its server").isEqualTo("36");

            Element added = addServer(wsman, "192.168.10.196", 3, 4433, "admin", PASSWORD, "192.168.10.196");
            assertThat(added.getLocalName()).isEqualTo("AddMpServer_OUTPUT");
            assertThat(added.getNamespaceURI()).isEqualTo(Namespaces.AMT + SERVICE);
            assertThat(childNames(added)).containsExactly("MpServer", "ReturnValue");
            assertThat(text(added, "ReturnValue")).isEqualTo("0");
            assertThat(resourceUri(child(added, "MpServer"))).isEqualTo(Namespaces.AMT + SAP);
            assertThat(selectors(child(added, "MpServer"))).containsExactly(
                    java.util.Map.entry("CreationClassName", SAP), java.util.Map.entry("Name", FIRST_SERVER),
                    java.util.Map.entry("SystemCreationClassName", "CIM_ComputerSystem"),
                    java.util.Map.entry("SystemName", "Intel(r) AMT"));
            assertThat(text(addServer(wsman, "192.168.10.196", 3, 4433, "admin", PASSWORD, ""), "ReturnValue"))
                    .isEqualTo("2058");
            assertThat(text(addServer(wsman, "mps.lab.test", 201, 4433, "a17charactersuser", PASSWORD, ""),
                    "ReturnValue")).as("AMT takes at most 16 characters of user name").isEqualTo("36");

            Element policy = addPolicy(wsman, 2, EVERY_25_SECONDS);
            assertThat(childNames(policy)).containsExactly("PolicyRule", "ReturnValue");
            assertThat(text(policy, "ReturnValue")).isEqualTo("0");
            assertThat(selectors(child(policy, "PolicyRule"))).containsEntry("PolicyRuleName", "Periodic")
                    .containsKeys("CreationClassName", "SystemCreationClassName", "SystemName");
            assertThat(text(addPolicy(wsman, 2, EVERY_25_SECONDS), "ReturnValue")).as("one policy per trigger")
                    .isEqualTo("2058");
            assertThat(text(addPolicy(wsman, 0, ""), "ReturnValue")).isEqualTo("0");

            assertThat(childNames(wsman.enumerate(SAP).getFirst())).containsExactly("AccessInfo", "CN",
                    "CreationClassName", "ElementName", "InfoFormat", "Name", "Port", "SystemCreationClassName",
                    "SystemName");
            Element periodic = wsman.enumerate("AMT_RemoteAccessPolicyRule").stream()
                    .filter(p -> text(p, "Trigger").equals("2")).findFirst().orElseThrow();
            assertThat(childNames(periodic)).containsExactly("CreationClassName", "ElementName", "ExtendedData",
                    "PolicyRuleName", "SystemCreationClassName", "SystemName", "Trigger", "TunnelLifeTime");
            assertThat(text(periodic, "ExtendedData")).isEqualTo(EVERY_25_SECONDS);
            List<Element> applies = wsman.enumerate("AMT_RemoteAccessPolicyAppliesToMPS");
            assertThat(applies).hasSize(2);
            assertThat(childNames(applies.getFirst())).containsExactly("ManagedElement", "MpsType", "OrderOfAccess",
                    "PolicySet");
            assertThat(text(applies.getFirst(), "MpsType")).isEqualTo("0");
            assertThat(text(putAppliesTo(wsman, "Periodic", 2), "MpsType")).isEqualTo("2");

            Element detection = wsman.get(Reference.of("AMT_EnvironmentDetectionSettingData"));
            assertThat(childNames(detection)).containsExactly("DetectionAlgorithm", "ElementName", "InstanceID");
            Element put = putDetection(wsman, "a.example", "b.example");
            assertThat(childNames(put)).containsExactly("DetectionAlgorithm", "DetectionStrings", "DetectionStrings",
                    "ElementName", "InstanceID");

            Reference uic = Reference.of("AMT_UserInitiatedConnectionService");
            assertThat(text(wsman.get(uic), "EnabledState")).isEqualTo("32768");
            Element changed = wsman.invoke("AMT_UserInitiatedConnectionService", "RequestStateChange",
                    Argument.of("RequestedState", 32771));
            assertThat(changed.getLocalName()).isEqualTo("RequestStateChange_OUTPUT");
            assertThat(childNames(changed)).containsExactly("ReturnValue");
            assertThat(text(changed, "ReturnValue")).isEqualTo("0");
            assertThat(text(wsman.get(uic), "EnabledState")).isEqualTo("32771");

            assertThat(childNames(wsman.delete(policyRef("Periodic")))).isEmpty();
            assertThat(childNames(wsman.delete(serverRef(FIRST_SERVER)))).isEmpty();
            assertThat(wsman.enumerate(SAP)).isEmpty();
            assertThat(wsman.enumerate("AMT_RemoteAccessPolicyRule")).extracting(p -> text(p, "PolicyRuleName"))
                    .containsExactly("User Initiated");
        }
    }

    @Test
    void aConfiguredDeviceOutsideTheLabsDomainCallsTheListenerAndStopsWhenThePolicyIsRemoved() throws Exception {
        TestAuthority ca = TestAuthority.create("Outband Lab Root");
        try (CiraListener listener = labListener(ca);
                Lab lab = new Lab()) {
            RawWsman wsman = lab.wsman;
            DeviceUuid uuid = new DeviceUuid(lab.device.uuid());
            assertThat(text(wsman.invoke("AMT_PublicKeyManagementService", "AddTrustedRootCertificate",
                    Argument.of("CertificateBlob", TestAuthority.base64(ca.root()))), "ReturnValue")).isEqualTo("0");
            addServer(wsman, "127.0.0.1", 3, listener.port(), CiraTestLab.USER, PASSWORD, "127.0.0.1");
            // The device's suffix is lab.outband.test: inside, an external server is not called.
            putDetection(wsman, "outband.test");
            addPolicy(wsman, 2, EVERY_25_SECONDS);
            assertThat(waitFor(() -> !listener.connectedDevices().isEmpty(), Duration.ofSeconds(2)))
                    .as("inside the lab's domain the device does not call an external server").isFalse();

            putDetection(wsman, "corp.example");
            assertThat(waitFor(() -> listener.device(uuid).isPresent() && lab.caller.isForwarding(),
                    Duration.ofSeconds(20))).as("outside, the device calls").isTrue();
            AmtClient tunnelled = AmtClient.connect(DeviceEndpoint.http("127.0.0.1", 16992, lab.device.credentials())
                    .withSocketFactory(listener.socketFactory(uuid)));
            assertThat(tunnelled.identity().read().uuid()).isEqualTo(lab.device.uuid());
            assertThat(text(wsman.get(Reference.of(SERVICE)), "IsRemoteTunnelConnected")).isEqualTo("true");

            wsman.delete(policyRef("Periodic"));
            assertThat(waitFor(() -> listener.device(uuid).isEmpty(), Duration.ofSeconds(10)))
                    .as("without a policy the device hangs up").isTrue();
            assertThat(text(wsman.get(Reference.of(SERVICE)), "IsRemoteTunnelConnected")).isEqualTo("false");
        }
    }

    @Test
    void aUserInitiatedPolicyCallsOnlyWhenThePersonAtTheDeviceAsksAndAmtAllowsIt() throws Exception {
        TestAuthority ca = TestAuthority.create("Outband Lab Root");
        try (CiraListener listener = labListener(ca);
                Lab lab = new Lab()) {
            lab.wsman.invoke("AMT_PublicKeyManagementService", "AddTrustedRootCertificate",
                    Argument.of("CertificateBlob", TestAuthority.base64(ca.root())));
            addServer(lab.wsman, "127.0.0.1", 3, listener.port(), CiraTestLab.USER, PASSWORD, "127.0.0.1");
            addPolicy(lab.wsman, 0, "");
            assertThat(lab.device.remoteAccess().askForHelp()).as("user-initiated connections are off").isFalse();

            lab.wsman.invoke("AMT_UserInitiatedConnectionService", "RequestStateChange",
                    Argument.of("RequestedState", 32771));
            assertThat(lab.caller.client()).as("no call before the user asks").isEmpty();
            assertThat(lab.device.remoteAccess().askForHelp()).isTrue();
            assertThat(waitFor(() -> listener.device(new DeviceUuid(lab.device.uuid())).isPresent(),
                    Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void theTlsPortThroughTheTunnelServesTheCertificateIssuedOverWsmanTrustedByTheLabRoot() throws Exception {
        TestAuthority ca = TestAuthority.create("Outband Lab Root");
        try (CiraListener listener = labListener(ca);
                Lab lab = new Lab()) {
            LabSteps.enableTls(lab.wsman, ca, true);
            configure(lab.wsman, ca, listener.port(), "127.0.0.1");
            DeviceUuid uuid = new DeviceUuid(lab.device.uuid());
            assertThat(waitFor(() -> listener.device(uuid).isPresent() && lab.caller.isForwarding(),
                    Duration.ofSeconds(20))).isTrue();

            AmtClient overTls = AmtClient.connect(DeviceEndpoint.tls("127.0.0.1", 16993, lab.device.credentials(),
                    new TrustPolicy.TrustedRoots(List.of(ca.root()))).withSocketFactory(listener.socketFactory(uuid)));
            assertThat(overTls.identity().read().uuid()).isEqualTo(lab.device.uuid());
        }
    }

    @Test
    void theDeviceNeverReachesAListenerWhoseCertificateIsNotFromItsRootsOrNamesAnotherServer() throws Exception {
        TestAuthority ca = TestAuthority.create("Outband Lab Root");
        try (CiraListener stranger = CiraTestLab.startListener(CiraTestLab.settings());
                Lab lab = new Lab()) {
            configure(lab.wsman, ca, stranger.port(), "127.0.0.1");
            CiraClient client = lab.caller.client().orElseThrow();
            assertThat(waitFor(() -> client.connectionCount() >= 2, Duration.ofSeconds(10))).isTrue();
            assertThat(stranger.connectedDevices()).as("a self-signed listener is not trusted").isEmpty();
        }
        try (CiraListener listener = labListener(ca);
                Lab lab = new Lab()) {
            configure(lab.wsman, ca, listener.port(), "mps.lab.test");
            CiraClient client = lab.caller.client().orElseThrow();
            assertThat(waitFor(() -> client.connectionCount() >= 2, Duration.ofSeconds(10))).isTrue();
            assertThat(listener.connectedDevices()).as("the certificate names 127.0.0.1, not mps.lab.test").isEmpty();
        }
    }

    /** The cira-local listener with a certificate for 127.0.0.1 from the lab's CA, sent with its chain. */
    private static CiraListener labListener(TestAuthority ca) throws Exception {
        TestAuthority.Leaf leaf = ca.issueWithKey("127.0.0.1");
        ServerIdentity identity = new ServerIdentity(leaf.key(), List.of(leaf.certificate(), ca.root()), List.of());
        return CiraListener.start(CiraTestLab.settings(), identity,
                CiraCredentialCheck.labWide(CiraTestLab.USER, CiraTestLab.PASSWORD));
    }

    private static void configure(RawWsman wsman, TestAuthority ca, int port, String commonName) throws Exception {
        wsman.invoke("AMT_PublicKeyManagementService", "AddTrustedRootCertificate",
                Argument.of("CertificateBlob", TestAuthority.base64(ca.root())));
        addServer(wsman, "127.0.0.1", 3, port, CiraTestLab.USER, PASSWORD, commonName);
        addPolicy(wsman, 2, EVERY_25_SECONDS);
    }

    private static Element addServer(RawWsman wsman, String accessInfo, int format, int port, String user,
            String password, String commonName) throws WsmanException {
        return wsman.invoke(SERVICE, "AddMpServer", Argument.of("AccessInfo", accessInfo),
                Argument.of("InfoFormat", format), Argument.of("Port", port), Argument.of("AuthMethod", 2),
                Argument.of("Username", user), Argument.of("Password", password), Argument.of("CN", commonName));
    }

    /** The MpServer EPR with the single Name selector go-wsman-messages' request builder sends. */
    private static Element addPolicy(RawWsman wsman, int trigger, String extendedData) throws WsmanException {
        return wsman.invoke(SERVICE, "AddRemoteAccessPolicyRule", Argument.of("Trigger", trigger),
                Argument.of("TunnelLifeTime", 0), Argument.of("ExtendedData", extendedData),
                Argument.epr("MpServer", Reference.of(SAP, "Name", FIRST_SERVER)));
    }

    private static Element putAppliesTo(RawWsman wsman, String policy, int mpsType) throws WsmanException {
        return wsman.put(Reference.of("AMT_RemoteAccessPolicyAppliesToMPS"),
                Argument.epr("ManagedElement", serverRef(FIRST_SERVER)), Argument.of("OrderOfAccess", 0),
                Argument.of("MpsType", mpsType), Argument.epr("PolicySet", policyRef(policy)));
    }

    private static Element putDetection(RawWsman wsman, String... domains) throws WsmanException {
        return wsman.put(Reference.of("AMT_EnvironmentDetectionSettingData", "InstanceID",
                        "Intel(r) AMT Environment Detection Settings"), Argument.of("DetectionAlgorithm", 0),
                new Argument.Values("DetectionStrings", List.of(domains)),
                Argument.of("ElementName", "Intel(r) AMT Environment Detection Settings"),
                Argument.of("InstanceID", "Intel(r) AMT Environment Detection Settings"));
    }

    private static Reference serverRef(String name) {
        return Reference.of(SAP, "CreationClassName", SAP, "Name", name, "SystemCreationClassName",
                "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    }

    private static Reference policyRef(String name) {
        return Reference.of("AMT_RemoteAccessPolicyRule", "CreationClassName", "AMT_RemoteAccessPolicyRule",
                "PolicyRuleName", name, "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    }

    private static boolean waitFor(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** One virtual device on loopback that calls whatever its set-up says, and a raw client for it. */
    private static final class Lab implements AutoCloseable {
        final VirtualDevice device = new VirtualDevice(DeviceConfig.of("sim-cira", "admin", "P@ssw0rd!")
                .withBootDuration(Duration.ofMillis(50)));
        final DevicePorts ports;
        final MpsCaller caller;
        final RawWsman wsman;

        Lab() throws Exception {
            ports = DevicePorts.open(device, 0, 0, null);
            caller = MpsCaller.attach(device);
            wsman = new RawWsman(DeviceEndpoint.http("127.0.0.1", ports.httpPort(), device.credentials()));
        }

        @Override
        public void close() throws Exception {
            caller.close();
            ports.close();
        }
    }
}
