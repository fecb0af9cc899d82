package dev.outband.wsman.amt.tls;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The device's own TLS: which certificate its TLS ports present (AMT_TLSCredentialContext), whether
 * they are on (AMT_TLSSettingData), and the commit that makes a change take effect.
 */
public final class TlsConfigService {
    static final String CONTEXT = "AMT_TLSCredentialContext";
    static final String SETTING = "AMT_TLSSettingData";
    /** The collection name as working clients send it; AMT reports it with a space before "Instances". */
    private static final Reference ENDPOINTS = Reference.of("AMT_TLSProtocolEndpointCollection", "ElementName",
            "TLSProtocolEndpointInstances Collection");

    private final WsmanClient wsman;

    public TlsConfigService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    /** The InstanceID of the certificate the TLS ports present, if one is set. */
    public Optional<String> serverCertificate() throws WsmanException {
        for (CimObject context : wsman.enumerate(CONTEXT)) {
            Optional<String> id = context.reference("ElementInContext").map(r -> r.selector("InstanceID"))
                    .filter(s -> !s.isEmpty());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    /** Makes the TLS ports present this certificate: Create the first time, Put to replace one. */
    public void useServerCertificate(String certificateId) throws WsmanException {
        List<Argument> body = List.of(
                Argument.epr("ElementInContext", Reference.of("AMT_PublicKeyCertificate", "InstanceID", certificateId)),
                Argument.epr("ElementProvidingContext", ENDPOINTS));
        if (serverCertificate().isPresent()) {
            wsman.put(Reference.of(CONTEXT), body);
        } else {
            wsman.create(Reference.of(CONTEXT), body);
        }
    }

    public List<TlsSetting> settings() throws WsmanException {
        List<TlsSetting> out = new ArrayList<>();
        for (CimObject o : wsman.enumerate(SETTING)) {
            out.add(new TlsSetting(o.get("InstanceID"), o.get("ElementName"), o.getBoolean("Enabled"),
                    o.getBoolean("AcceptNonSecureConnections"), o.getBoolean("MutualAuthentication")));
        }
        return out;
    }

    public void put(TlsSetting setting) throws WsmanException {
        wsman.put(Reference.of(SETTING, "InstanceID", setting.instanceId()), List.of(
                Argument.of("AcceptNonSecureConnections", setting.acceptNonSecureConnections()),
                Argument.of("ElementName", setting.elementName()),
                Argument.of("Enabled", setting.enabled()),
                Argument.of("InstanceID", setting.instanceId()),
                Argument.of("MutualAuthentication", setting.mutualAuthentication())));
    }

    /** TLS settings take effect only after this. */
    public void commit() throws WsmanException {
        wsman.invoke(Reference.of("AMT_SetupAndConfigurationService"), "CommitChanges", List.of());
    }
}
