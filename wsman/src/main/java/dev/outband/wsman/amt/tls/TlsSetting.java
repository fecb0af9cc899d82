package dev.outband.wsman.amt.tls;

/** One of AMT's two AMT_TLSSettingData instances: the network interface's or the local (LMS) one. */
public record TlsSetting(String instanceId, String elementName, boolean enabled, boolean acceptNonSecureConnections,
        boolean mutualAuthentication) {

    /** The local interface's settings are named "Intel(r) AMT LMS TLS Settings"; the network's "…802.3…". */
    public boolean local() {
        return instanceId.contains("LMS");
    }

    public TlsSetting with(boolean enabled, boolean acceptNonSecureConnections) {
        return new TlsSetting(instanceId, elementName, enabled, acceptNonSecureConnections, mutualAuthentication);
    }
}
