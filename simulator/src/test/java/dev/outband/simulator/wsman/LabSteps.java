package dev.outband.simulator.wsman;

import static dev.outband.simulator.wsman.RawWsman.child;
import static dev.outband.simulator.wsman.RawWsman.selectors;
import static dev.outband.simulator.wsman.RawWsman.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Reference;
import java.security.cert.X509Certificate;
import org.w3c.dom.Element;

/** The WS-Man steps of enabling TLS on a device, as DMT's RPS runs them, for tests that need a TLS device. */
public final class LabSteps {
    public static final String REMOTE = "Intel(r) AMT 802.3 TLS Settings";
    public static final String LOCAL = "Intel(r) AMT LMS TLS Settings";
    public static final String SETTINGS = "AMT_TLSSettingData";

    private LabSteps() {
    }

    /** The whole sequence up to CommitChanges; returns the certificate the TLS ports now serve. */
    public static X509Certificate enableTls(RawWsman wsman, TestAuthority ca, boolean acceptNonSecure)
            throws Exception {
        X509Certificate issued = addIssuedCertificate(wsman, ca);
        wsman.create(Reference.of("AMT_TLSCredentialContext"),
                Argument.epr("ElementInContext", Reference.of("AMT_PublicKeyCertificate", "InstanceID",
                        handleOf(wsman, issued))),
                Argument.epr("ElementProvidingContext", Reference.of("AMT_TLSProtocolEndpointCollection",
                        "ElementName", "TLSProtocolEndpoint Instances Collection")));
        putSettings(wsman, REMOTE, true, acceptNonSecure);
        putSettings(wsman, LOCAL, true, true);
        assertThat(text(wsman.invoke("AMT_SetupAndConfigurationService", "CommitChanges"), "ReturnValue"))
                .isEqualTo("0");
        return issued;
    }

    /** Key pair on the device, its public key signed by the test CA for 127.0.0.1, the certificate added. */
    public static X509Certificate addIssuedCertificate(RawWsman wsman, TestAuthority ca) throws Exception {
        Element generated = wsman.invoke("AMT_PublicKeyManagementService", "GenerateKeyPair",
                Argument.of("KeyAlgorithm", 0), Argument.of("KeyLength", 2048));
        String keyHandle = selectors(child(generated, "KeyPair")).get("InstanceID");
        Element key = wsman.enumerate("AMT_PublicPrivateKeyPair").stream()
                .filter(k -> text(k, "InstanceID").equals(keyHandle)).findFirst().orElseThrow();
        X509Certificate issued = ca.issue(TestAuthority.fromAmtDerKey(text(key, "DERKey")), "127.0.0.1");
        Element added = wsman.invoke("AMT_PublicKeyManagementService", "AddCertificate",
                Argument.of("CertificateBlob", TestAuthority.base64(issued)));
        assertThat(text(added, "ReturnValue")).isEqualTo("0");
        return issued;
    }

    public static String handleOf(RawWsman wsman, X509Certificate cert) throws Exception {
        String base64 = TestAuthority.base64(cert);
        return wsman.enumerate("AMT_PublicKeyCertificate").stream()
                .filter(c -> text(c, "X509Certificate").equals(base64)).map(c -> text(c, "InstanceID"))
                .findFirst().orElseThrow();
    }

    public static Element putSettings(RawWsman wsman, String id, boolean enabled, boolean acceptNonSecure)
            throws WsmanException {
        return wsman.put(Reference.of(SETTINGS, "InstanceID", id),
                Argument.of("AcceptNonSecureConnections", acceptNonSecure), Argument.of("ElementName", id),
                Argument.of("Enabled", enabled), Argument.of("InstanceID", id),
                Argument.of("MutualAuthentication", false));
    }
}
