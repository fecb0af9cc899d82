package dev.outband.simulator.wsman;

import dev.outband.simulator.device.TlsConfig;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** TLS: the credential context naming the certificate, and the remote and local settings CommitChanges applies. */
final class TlsResources {
    static final String CONTEXT = "AMT_TLSCredentialContext";
    static final String COLLECTION = "AMT_TLSProtocolEndpointCollection";
    static final String SETTINGS = "AMT_TLSSettingData";
    private static final String COLLECTION_NAME = "TLSProtocolEndpoint Instances Collection";
    private static final Reference COLLECTION_REF = Reference.of(COLLECTION, "ElementName", COLLECTION_NAME);

    private TlsResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of(CONTEXT, d -> d.tls().contextCertificate().map(TlsResources::context)
                                .map(List::of).orElse(List.of()))
                        .create((d, body) -> {
                            String certificate = certificateNamedIn(d, body);
                            if (!body.get("ElementProvidingContext").contains(COLLECTION)) {
                                throw invalid("ElementProvidingContext must name " + COLLECTION);
                            }
                            changed(d.tls().createContext(certificate));
                            return createdContext(certificate);
                        })
                        .put((d, body) -> {
                            String certificate = certificateNamedIn(d, body);
                            changed(d.tls().replaceContext(certificate));
                            return context(certificate);
                        })
                        .delete((d, selectors) -> {
                            String certificate = d.tls().contextCertificate()
                                    .orElseThrow(SoapFault::destinationUnreachable);
                            if (!selectors.isEmpty() && selectors.values().stream().noneMatch(
                                    v -> v.contains(certificate))) {
                                throw SoapFault.destinationUnreachable();
                            }
                            changed(d.tls().deleteContext());
                        })
                        .build(),
                ResourceClass.of(COLLECTION, d -> List.of(Instance.of(COLLECTION).with("ElementName", COLLECTION_NAME)))
                        .build(),
                ResourceClass.of(SETTINGS, d -> d.tls().settings().stream().map(TlsResources::settings).toList())
                        .keys("InstanceID")
                        .put((d, body) -> {
                            TlsConfig.Settings updated = d.tls().put(new TlsConfig.Settings(body.get("InstanceID"),
                                    body.getBoolean("Enabled"), body.getBoolean("AcceptNonSecureConnections"),
                                    body.getBoolean("MutualAuthentication")));
                            if (updated == null) {
                                throw SoapFault.destinationUnreachable();
                            }
                            return settings(updated);
                        })
                        .build());
    }

    private static Instance context(String certificate) {
        return Instance.of(CONTEXT)
                .with("ElementInContext", Reference.of(CertificateResources.CERTIFICATE, "InstanceID", certificate))
                .with("ElementProvidingContext", COLLECTION_REF);
    }

    /** AMT's ResourceCreated names the context by two EPR-valued selectors. */
    private static String createdContext(String certificate) {
        Reference cert = Reference.of(CertificateResources.CERTIFICATE, "InstanceID", certificate);
        return "<b:Address>" + Namespaces.ANONYMOUS + "</b:Address><b:ReferenceParameters><c:ResourceURI>"
                + Namespaces.resourceUri(CONTEXT) + "</c:ResourceURI><c:SelectorSet>"
                + "<c:Selector Name=\"ElementInContext\"><b:EndpointReference>" + cert.eprXml("b", "c")
                + "</b:EndpointReference></c:Selector>"
                + "<c:Selector Name=\"ElementProvidingContext\"><b:EndpointReference>" + COLLECTION_REF.eprXml("b", "c")
                + "</b:EndpointReference></c:Selector></c:SelectorSet></b:ReferenceParameters>";
    }

    private static Instance settings(TlsConfig.Settings s) {
        return Instance.of(SETTINGS)
                .with("AcceptNonSecureConnections", s.acceptNonSecureConnections())
                .with("ElementName", s.instanceId())
                .with("Enabled", s.enabled())
                .with("InstanceID", s.instanceId())
                .with("MutualAuthentication", s.mutualAuthentication());
    }

    /** The certificate handle inside the ElementInContext EPR; the longest match, so "Handle: 1" never hides "Handle: 10". */
    private static String certificateNamedIn(VirtualDevice d, CimObject body) throws SoapFault {
        String epr = body.get("ElementInContext");
        Optional<String> id = d.certificates().certificates().stream().map(c -> c.instanceId())
                .filter(epr::contains).max(Comparator.comparingInt(String::length));
        return id.orElseThrow(() -> invalid("ElementInContext names no certificate in the store"));
    }

    private static void changed(TlsConfig.ContextChange change) throws SoapFault {
        switch (change) {
            case DONE -> {
            }
            case ALREADY_EXISTS -> throw new SoapFault("Sender", Namespaces.WSMAN, "AlreadyExists",
                    "A TLS credential context exists already; Put changes its certificate.");
            case NO_SUCH_CERTIFICATE -> throw invalid("ElementInContext must be a leaf certificate in the store");
            case NO_PRIVATE_KEY -> throw invalid("the certificate has no matching private key on the device");
            case NOT_FOUND -> throw SoapFault.destinationUnreachable();
            case IN_USE -> throw new SoapFault("Sender", Namespaces.WSMAN, "AccessDenied",
                    "TLS is enabled and needs its credential context.");
        }
    }

    private static SoapFault invalid(String reason) {
        return new SoapFault("Sender", Namespaces.WSMAN, "InvalidRepresentation", reason);
    }
}
