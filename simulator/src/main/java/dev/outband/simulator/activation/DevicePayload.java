package dev.outband.simulator.activation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.outband.simulator.device.Provisioning;
import dev.outband.simulator.device.VirtualDevice;
import java.util.List;

/**
 * The first message's payload, as rpc-go's {@code MessagePayload} (internal/rps/message.go) built from what the
 * ME tells it; here from the virtual device. certHashes is null when the device trusts no root, as rpc-go's nil
 * slice marshals.
 */
public record DevicePayload(
        @JsonProperty("ver") String version,
        @JsonProperty("build") String build,
        @JsonProperty("sku") String sku,
        @JsonProperty("features") String features,
        @JsonProperty("uuid") String uuid,
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("currentMode") int currentMode,
        @JsonProperty("hostname") String hostname,
        @JsonProperty("fqdn") String fqdn,
        @JsonProperty("client") String client,
        @JsonProperty("certHashes") List<String> certHashes,
        @JsonProperty("ipConfiguration") IpConfiguration ipConfiguration,
        @JsonProperty("hostnameInfo") HostnameInfo hostnameInfo,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonProperty("lmsInstalled") boolean lmsInstalled) {

    /** rpc-go sends zero values unless static addressing flags are given. */
    public record IpConfiguration(boolean dhcp, @JsonProperty("static") boolean isStatic, boolean ipsync,
            String ipAddress, String netmask, String gateway, String primaryDns, String secondaryDns) {
        static IpConfiguration none() {
            return new IpConfiguration(false, false, false, "", "", "", "", "");
        }
    }

    public record HostnameInfo(String dnsSuffixOS, String hostname) {
    }

    /** The SKU the simulator reports (CIM_SoftwareIdentity "Sku"): 0x4008, AMT Pro + Corporate. */
    static final String SKU = "16392";

    /**
     * What rpc-go would send for this device: its version, the local system account (or, once activated, the AMT
     * password the user gave), the control mode, the DNS suffix, the trusted root hashes; the client stands in
     * for LMS, so lmsInstalled is true.
     */
    public static DevicePayload of(VirtualDevice device, String amtPassword) {
        Provisioning p = device.provisioning();
        int mode = p.controlMode();
        List<String> hashes = p.trustedHashes().stream().sorted().toList();
        return new DevicePayload(device.config().amtVersion(), device.config().amtBuild(), SKU, "AMT Pro Corporate",
                device.uuid().toString(), p.localAccount().user(),
                mode == Provisioning.NOT_PROVISIONED ? p.localAccount().password() : amtPassword, mode,
                device.name(), p.dnsSuffix(), "RPC", hashes.isEmpty() ? null : hashes, IpConfiguration.none(),
                new HostnameInfo("", ""), true);
    }

    @Override
    public String toString() {
        return "DevicePayload[uuid=" + uuid + ", username=" + username + ", password=***, currentMode=" + currentMode
                + ", fqdn=" + fqdn + "]";
    }
}
