package dev.outband.simulator.wsman;

import static dev.outband.simulator.wsman.LabSteps.addIssuedCertificate;
import static dev.outband.simulator.wsman.LabSteps.handleOf;
import static dev.outband.simulator.wsman.LabSteps.putSettings;
import static dev.outband.simulator.wsman.RawWsman.childNames;
import static dev.outband.simulator.wsman.RawWsman.resourceUri;
import static dev.outband.simulator.wsman.RawWsman.selectors;
import static dev.outband.simulator.wsman.RawWsman.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.SoapFaultException;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.AmtClient;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.ResponseEnvelope;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * Enabling TLS as a console does it (the sequence DMT's RPS runs): key pair, certificate, credential context,
 * remote and local settings, commit. Expected shapes are AMT's recorded replies in go-wsman-messages,
 * pkg/wsman/wsmantesting/responses/amt/tls/{credentialcontext/create,settingdata/get,settingdata/put,
 * settingdata/pull}.xml and setupandconfiguration/commitchanges.xml; the handshake is checked with the JDK's
 * TLS client against the test's own CA.
 */
@Timeout(60)
class TlsSetupEndToEndTest {
    private static final String REMOTE = LabSteps.REMOTE;
    private static final String LOCAL = LabSteps.LOCAL;
    private static final String SETTINGS = LabSteps.SETTINGS;

    @Test
    void theTlsPortsServeTheIssuedCertificateOnlyAfterCommitAndStopWhenTlsIsTurnedOffAgain() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            TestAuthority ca = TestAuthority.create("Outband Lab Root");
            X509Certificate issued = addIssuedCertificate(wsman, ca);
            String handle = handleOf(wsman, issued);

            Element created = wsman.create(Reference.of("AMT_TLSCredentialContext"),
                    Argument.epr("ElementInContext", Reference.of("AMT_PublicKeyCertificate", "InstanceID", handle)),
                    Argument.epr("ElementProvidingContext", Reference.of("AMT_TLSProtocolEndpointCollection",
                            "ElementName", "TLSProtocolEndpoint Instances Collection")));
            assertThat(created.getLocalName()).isEqualTo("ResourceCreated");
            assertThat(created.getNamespaceURI()).isEqualTo(Namespaces.TRANSFER);
            assertThat(resourceUri(created)).isEqualTo(Namespaces.AMT + "AMT_TLSCredentialContext");
            assertThat(selectors(created)).containsOnlyKeys("ElementInContext", "ElementProvidingContext");
            Element selectorSet = ResponseEnvelope.child(ResponseEnvelope.child(created, Namespaces.ADDRESSING,
                    "ReferenceParameters"), Namespaces.WSMAN, "SelectorSet");
            for (Element selector : ResponseEnvelope.elements(selectorSet)) {
                Element epr = ResponseEnvelope.child(selector, Namespaces.ADDRESSING, "EndpointReference");
                assertThat(epr).as("selector %s holds an EndpointReference", selector.getAttribute("Name")).isNotNull();
                if (selector.getAttribute("Name").equals("ElementInContext")) {
                    assertThat(selectors(epr)).containsEntry("InstanceID", handle);
                }
            }

            Element remote = wsman.get(Reference.of(SETTINGS, "InstanceID", REMOTE));
            assertThat(childNames(remote)).containsExactly("AcceptNonSecureConnections", "ElementName", "Enabled",
                    "InstanceID", "MutualAuthentication");
            assertThat(text(remote, "Enabled")).isEqualTo("false");
            assertThat(text(wsman.get(Reference.of(SETTINGS, "InstanceID", LOCAL)), "AcceptNonSecureConnections"))
                    .isEqualTo("true");

            Element put = putSettings(wsman, REMOTE, true, false);
            assertThat(put.getLocalName()).isEqualTo(SETTINGS);
            assertThat(text(put, "Enabled")).isEqualTo("true");
            putSettings(wsman, LOCAL, true, true);
            assertThat(handshakeFails(sim.ports.tlsPort(), ca)).as("nothing served before commit").isTrue();

            Element commit = wsman.invoke("AMT_SetupAndConfigurationService", "CommitChanges");
            assertThat(commit.getLocalName()).isEqualTo("CommitChanges_OUTPUT");
            assertThat(childNames(commit)).containsExactly("ReturnValue");
            assertThat(text(commit, "ReturnValue")).isEqualTo("0");

            assertThat(served(sim.ports.tlsPort(), ca)[0]).isEqualTo(issued);
            assertThat(served(sim.ports.kvmTlsPort(), ca)[0]).isEqualTo(issued);
            AmtClient secure = AmtClient.connect(DeviceEndpoint.tls("127.0.0.1", sim.ports.tlsPort(),
                    sim.device.credentials(), new TrustPolicy.TrustedRoots(List.of(ca.root()))));
            assertThat(secure.identity().read().uuid()).isEqualTo(sim.device.uuid());
            assertThatThrownBy(() -> sim.client().identity().read()).as("16992 refuses once TLS is required")
                    .isInstanceOf(WsmanException.class);

            RawWsman overTls = new RawWsman(DeviceEndpoint.tls("127.0.0.1", sim.ports.tlsPort(),
                    sim.device.credentials(), new TrustPolicy.TrustedRoots(List.of(ca.root()))));
            putSettings(overTls, REMOTE, false, false);
            assertThat(text(overTls.invoke("AMT_SetupAndConfigurationService", "CommitChanges"), "ReturnValue"))
                    .isEqualTo("0");
            assertThat(handshakeFails(sim.ports.tlsPort(), ca)).as("TLS off again").isTrue();
            assertThat(sim.client().identity().read().uuid()).isEqualTo(sim.device.uuid());
        }
    }

    @Test
    void aSecondContextACommitWithoutContextAndRemovingWhatTlsServesAreRefused() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            TestAuthority ca = TestAuthority.create("Outband Lab Root");
            putSettings(wsman, REMOTE, true, true);
            assertThat(text(wsman.invoke("AMT_SetupAndConfigurationService", "CommitChanges"), "ReturnValue"))
                    .as("TLS without a credential context: PT_STATUS_DATA_MISSING").isEqualTo("2057");

            X509Certificate issued = addIssuedCertificate(wsman, ca);
            Reference cert = Reference.of("AMT_PublicKeyCertificate", "InstanceID", handleOf(wsman, issued));
            Argument[] context = {Argument.epr("ElementInContext", cert), Argument.epr("ElementProvidingContext",
                    Reference.of("AMT_TLSProtocolEndpointCollection", "ElementName",
                            "TLSProtocolEndpoint Instances Collection"))};
            wsman.create(Reference.of("AMT_TLSCredentialContext"), context);
            assertThatThrownBy(() -> wsman.create(Reference.of("AMT_TLSCredentialContext"), context))
                    .isInstanceOfSatisfying(SoapFaultException.class,
                            f -> assertThat(f.subcode()).contains("AlreadyExists"));
            assertThat(wsman.enumerate("AMT_TLSCredentialContext")).singleElement()
                    .satisfies(c -> assertThat(childNames(c)).containsExactly("ElementInContext",
                            "ElementProvidingContext"));
            assertThat(text(wsman.invoke("AMT_SetupAndConfigurationService", "CommitChanges"), "ReturnValue"))
                    .isEqualTo("0");

            assertThatThrownBy(() -> wsman.delete(cert)).isInstanceOfSatisfying(SoapFaultException.class,
                    f -> assertThat(f.subcode()).contains("AccessDenied"));
            assertThatThrownBy(() -> wsman.delete(Reference.of("AMT_TLSCredentialContext")))
                    .isInstanceOfSatisfying(SoapFaultException.class,
                            f -> assertThat(f.subcode()).contains("AccessDenied"));
            assertThat(served(sim.ports.tlsPort(), ca)[0]).isEqualTo(issued);
        }
    }

    private static Certificate[] served(int port, TestAuthority ca) throws IOException {
        var tls = DeviceSslContext.create(new TrustPolicy.TrustedRoots(List.of(ca.root())), "127.0.0.1");
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return socket.getSession().getPeerCertificates();
        }
    }

    private static boolean handshakeFails(int port, TestAuthority ca) {
        try {
            served(port, ca);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
