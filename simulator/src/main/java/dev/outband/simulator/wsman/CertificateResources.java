package dev.outband.simulator.wsman;

import dev.outband.simulator.device.CertificateStore;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** The certificate store: key pairs made on the device, certificates and trusted roots (AMT 16's shapes). */
final class CertificateResources {
    static final String SERVICE = "AMT_PublicKeyManagementService";
    static final String KEY_PAIR = "AMT_PublicPrivateKeyPair";
    static final String CERTIFICATE = "AMT_PublicKeyCertificate";

    private CertificateResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of(SERVICE, d -> List.of(Instance.of(SERVICE)
                                .with("CreationClassName", SERVICE)
                                .with("ElementName", "Intel(r) AMT Certificate Store Service")
                                .with("EnabledDefault", 5)
                                .with("EnabledState", 5)
                                .with("Name", "Intel(r) AMT Public Key Management Service")
                                .with("RequestedState", 12)
                                .with("SystemCreationClassName", "CIM_ComputerSystem")
                                .with("SystemName", "Intel(r) AMT")))
                        .method("GenerateKeyPair", (d, in) -> {
                            CertificateStore.Added added = d.certificates().generateKeyPair(
                                    in.getLong("KeyAlgorithm", -1), in.getLong("KeyLength", -1));
                            return output("GenerateKeyPair", "KeyPair", KEY_PAIR, added);
                        })
                        .method("AddCertificate", (d, in) -> {
                            CertificateStore.Added added = d.certificates().addCertificate(in.get("CertificateBlob"));
                            return output("AddCertificate", "CreatedCertificate", CERTIFICATE, added);
                        })
                        .method("AddTrustedRootCertificate", (d, in) -> {
                            CertificateStore.Added added = d.certificates().addTrustedRoot(in.get("CertificateBlob"));
                            return output("AddTrustedRootCertificate", "CreatedCertificate", CERTIFICATE, added);
                        })
                        .build(),
                ResourceClass.of(KEY_PAIR, d -> d.certificates().keyPairs().stream().map(k -> Instance.of(KEY_PAIR)
                                .with("DERKey", k.derKey())
                                .with("ElementName", "Intel(r) AMT Key")
                                .with("InstanceID", k.instanceId())).toList())
                        .keys("InstanceID")
                        .delete((d, selectors) -> removed(d.certificates().deleteKeyPair(instanceId(selectors),
                                contextCertificate(d))))
                        .build(),
                ResourceClass.of(CERTIFICATE, d -> d.certificates().certificates().stream()
                                .map(CertificateResources::certificate).toList())
                        .keys("InstanceID")
                        .delete((d, selectors) -> removed(d.certificates().deleteCertificate(instanceId(selectors),
                                d.tls().contextCertificate())))
                        .build());
    }

    /** The created instance's reference comes before ReturnValue, as AMT orders it; a failure carries none. */
    private static Instance output(String method, String name, String className, CertificateStore.Added added) {
        Instance output = Instance.output(SERVICE, method);
        if (added.instanceId() != null) {
            output.with(name, Reference.of(className, "InstanceID", added.instanceId()));
        }
        return output.with("ReturnValue", added.returnValue());
    }

    private static Instance certificate(CertificateStore.CertificateEntry entry) {
        X509Certificate cert = entry.certificate();
        return Instance.of(CERTIFICATE)
                .with("ElementName", "Intel(r) AMT Certificate")
                .with("InstanceID", entry.instanceId())
                .with("Issuer", cert.getIssuerX500Principal().getName(X500Principal.RFC2253))
                .with("Subject", cert.getSubjectX500Principal().getName(X500Principal.RFC2253))
                // AMT spells the property this way.
                .with("TrustedRootCertficate", entry.trustedRoot())
                .with("X509Certificate", base64(cert));
    }

    private static Optional<X509Certificate> contextCertificate(VirtualDevice d) {
        return d.tls().contextCertificate().flatMap(d.certificates()::certificate)
                .map(CertificateStore.CertificateEntry::certificate);
    }

    private static String instanceId(Map<String, String> selectors) throws SoapFault {
        String id = selectors.get("InstanceID");
        if (id == null) {
            throw SoapFault.invalidSelectors();
        }
        return id;
    }

    private static void removed(CertificateStore.Removal removal) throws SoapFault {
        switch (removal) {
            case REMOVED -> {
            }
            case NOT_FOUND -> throw SoapFault.destinationUnreachable();
            case IN_USE -> throw new SoapFault("Sender", Namespaces.WSMAN, "AccessDenied",
                    "The certificate is used by the TLS credential context.");
        }
    }

    private static String base64(X509Certificate cert) {
        try {
            return Base64.getEncoder().encodeToString(cert.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a stored certificate has an encoding", e);
        }
    }
}
