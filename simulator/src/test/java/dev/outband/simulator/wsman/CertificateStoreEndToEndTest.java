package dev.outband.simulator.wsman;

import static dev.outband.simulator.wsman.RawWsman.child;
import static dev.outband.simulator.wsman.RawWsman.childNames;
import static dev.outband.simulator.wsman.RawWsman.resourceUri;
import static dev.outband.simulator.wsman.RawWsman.selectors;
import static dev.outband.simulator.wsman.RawWsman.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.wsman.SoapFaultException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * The certificate store over WS-Man. Expected shapes (element names and order, namespaces, selectors, handle
 * names, return values) are those of AMT's recorded replies in go-wsman-messages,
 * pkg/wsman/wsmantesting/responses/amt/publickey/management/{generatekeypair,addcertificate,
 * addtrustedrootcertificate}.xml, publicprivate/{pull,get,delete}.xml and publickey/certificate/{pull,get}.xml;
 * the return values 2058 (duplicate) and 2063 (invalid certificate) are its publickey decoder's.
 */
@Timeout(60)
class CertificateStoreEndToEndTest {
    private static final String SERVICE = "AMT_PublicKeyManagementService";

    @Test
    void generateKeyPairAnswersWithTheKeyPairsReferenceAndTheKeyIsAPkcs1RsaKeyOf2048Bits() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            Element output = wsman.invoke(SERVICE, "GenerateKeyPair", Argument.of("KeyAlgorithm", 0),
                    Argument.of("KeyLength", 2048));

            assertThat(output.getLocalName()).isEqualTo("GenerateKeyPair_OUTPUT");
            assertThat(output.getNamespaceURI()).isEqualTo(Namespaces.AMT + SERVICE);
            assertThat(childNames(output)).containsExactly("KeyPair", "ReturnValue");
            assertThat(text(output, "ReturnValue")).isEqualTo("0");
            Element keyPair = child(output, "KeyPair");
            assertThat(text(keyPair, "Address")).isEqualTo(Namespaces.ANONYMOUS);
            assertThat(resourceUri(keyPair)).isEqualTo(Namespaces.AMT + "AMT_PublicPrivateKeyPair");
            assertThat(selectors(keyPair)).containsExactly(java.util.Map.entry("InstanceID", "Intel(r) AMT Key: Handle: 0"));

            List<Element> keys = wsman.enumerate("AMT_PublicPrivateKeyPair");
            assertThat(keys).hasSize(1);
            assertThat(childNames(keys.getFirst())).containsExactly("DERKey", "ElementName", "InstanceID");
            assertThat(text(keys.getFirst(), "ElementName")).isEqualTo("Intel(r) AMT Key");
            String derKey = text(keys.getFirst(), "DERKey");
            // AMT's recorded 2048-bit keys begin so: SEQUENCE { INTEGER modulus (257 bytes) ... } of PKCS#1.
            assertThat(derKey).startsWith("MIIBCgKCAQEA");
            BigInteger modulus = RSAPublicKey.getInstance(Base64.getDecoder().decode(derKey)).getModulus();
            assertThat(modulus.bitLength()).isEqualTo(2048);

            Element byHandle = wsman.get(Reference.of("AMT_PublicPrivateKeyPair", "InstanceID",
                    "Intel(r) AMT Key: Handle: 0"));
            assertThat(text(byHandle, "DERKey")).isEqualTo(derKey);
        }
    }

    @Test
    void aCertificateForTheDevicesKeyIsStoredOnceAndItsDuplicateOrAForeignLeafIsRefused() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            TestAuthority ca = TestAuthority.create("Outband Lab Root");
            wsman.invoke(SERVICE, "GenerateKeyPair", Argument.of("KeyAlgorithm", 0), Argument.of("KeyLength", 2048));
            String derKey = text(wsman.enumerate("AMT_PublicPrivateKeyPair").getFirst(), "DERKey");
            X509Certificate leaf = ca.issue(TestAuthority.fromAmtDerKey(derKey), "127.0.0.1");

            Element added = wsman.invoke(SERVICE, "AddCertificate",
                    Argument.of("CertificateBlob", TestAuthority.base64(leaf)));
            assertThat(added.getLocalName()).isEqualTo("AddCertificate_OUTPUT");
            assertThat(childNames(added)).containsExactly("CreatedCertificate", "ReturnValue");
            assertThat(text(added, "ReturnValue")).isEqualTo("0");
            Element created = child(added, "CreatedCertificate");
            assertThat(resourceUri(created)).isEqualTo(Namespaces.AMT + "AMT_PublicKeyCertificate");
            assertThat(selectors(created).get("InstanceID")).startsWith("Intel(r) AMT Certificate: Handle: ");

            Element again = wsman.invoke(SERVICE, "AddCertificate",
                    Argument.of("CertificateBlob", TestAuthority.base64(leaf)));
            assertThat(childNames(again)).containsExactly("ReturnValue");
            assertThat(text(again, "ReturnValue")).isEqualTo("2058");

            X509Certificate foreign = ca.issueWithKey("127.0.0.1").certificate();
            Element noKey = wsman.invoke(SERVICE, "AddCertificate",
                    Argument.of("CertificateBlob", TestAuthority.base64(foreign)));
            assertThat(text(noKey, "ReturnValue")).isEqualTo("2063");
            assertThat(wsman.enumerate("AMT_PublicKeyCertificate")).hasSize(1);
        }
    }

    @Test
    void aTrustedRootIsListedWithAmtsPropertiesAndADuplicateOrALeafIsRefused() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            TestAuthority ca = TestAuthority.create("Outband Lab Root");
            String root = TestAuthority.base64(ca.root());

            Element added = wsman.invoke(SERVICE, "AddTrustedRootCertificate", Argument.of("CertificateBlob", root));
            assertThat(added.getLocalName()).isEqualTo("AddTrustedRootCertificate_OUTPUT");
            assertThat(childNames(added)).containsExactly("CreatedCertificate", "ReturnValue");
            String handle = selectors(child(added, "CreatedCertificate")).get("InstanceID");

            assertThat(text(wsman.invoke(SERVICE, "AddTrustedRootCertificate", Argument.of("CertificateBlob", root)),
                    "ReturnValue")).isEqualTo("2058");
            String leaf = TestAuthority.base64(ca.issueWithKey("mps.lab.test").certificate());
            assertThat(text(wsman.invoke(SERVICE, "AddTrustedRootCertificate", Argument.of("CertificateBlob", leaf)),
                    "ReturnValue")).isEqualTo("2063");

            List<Element> certificates = wsman.enumerate("AMT_PublicKeyCertificate");
            assertThat(certificates).hasSize(1);
            Element stored = certificates.getFirst();
            assertThat(childNames(stored)).containsExactly("ElementName", "InstanceID", "Issuer", "Subject",
                    "TrustedRootCertficate", "X509Certificate");
            assertThat(text(stored, "ElementName")).isEqualTo("Intel(r) AMT Certificate");
            assertThat(text(stored, "InstanceID")).isEqualTo(handle);
            // AMT writes the name last RDN first: a subject encoded CN, O, C reads "C=…,O=…,CN=…".
            assertThat(text(stored, "Subject")).isEqualTo("C=DE,O=Outband Test,CN=Outband Lab Root");
            assertThat(text(stored, "Issuer")).isEqualTo("C=DE,O=Outband Test,CN=Outband Lab Root");
            assertThat(text(stored, "TrustedRootCertficate")).isEqualTo("true");
            assertThat(text(stored, "X509Certificate")).isEqualTo(root);
        }
    }

    @Test
    void aBlobThatIsNoCertificateIsAnInvalidCertificateAndTheDeviceCarriesOn() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            for (String blob : List.of("", "not base64 at all!", Base64.getEncoder().encodeToString(new byte[64]),
                    Base64.getEncoder().encodeToString(new byte[5000]))) {
                assertThat(text(wsman.invoke(SERVICE, "AddTrustedRootCertificate",
                        Argument.of("CertificateBlob", blob)), "ReturnValue")).as("blob %.20s", blob).isEqualTo("2063");
                assertThat(text(wsman.invoke(SERVICE, "AddCertificate", Argument.of("CertificateBlob", blob)),
                        "ReturnValue")).isEqualTo("2063");
            }
            assertThat(wsman.enumerate("AMT_PublicKeyCertificate")).isEmpty();
            assertThat(sim.client().identity().read().uuid()).isEqualTo(sim.device.uuid());
        }
    }

    @Test
    void deletingAKeyPairLeavesAnEmptyBodyAndTheKeyGone() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            wsman.invoke(SERVICE, "GenerateKeyPair", Argument.of("KeyAlgorithm", 0), Argument.of("KeyLength", 2048));
            Reference key = Reference.of("AMT_PublicPrivateKeyPair", "InstanceID", "Intel(r) AMT Key: Handle: 0");

            Element body = wsman.delete(key);
            assertThat(childNames(body)).isEmpty();
            assertThat(wsman.enumerate("AMT_PublicPrivateKeyPair")).isEmpty();
            assertThatThrownBy(() -> wsman.get(key)).isInstanceOfSatisfying(SoapFaultException.class,
                    f -> assertThat(f.subcode()).contains("DestinationUnreachable"));
        }
    }

    @Test
    void aKeyLengthAmtDoesNotMakeIsRefusedWithInvalidKeyLength() throws Exception {
        try (Fixture sim = new Fixture()) {
            RawWsman wsman = sim.raw();
            Element output = wsman.invoke(SERVICE, "GenerateKeyPair", Argument.of("KeyAlgorithm", 0),
                    Argument.of("KeyLength", 1024));
            assertThat(childNames(output)).containsExactly("ReturnValue");
            assertThat(text(output, "ReturnValue")).isEqualTo("2062");
        }
    }
}
