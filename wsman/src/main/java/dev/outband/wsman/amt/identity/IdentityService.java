package dev.outband.wsman.amt.identity;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.CimObject;
import java.util.HexFormat;
import java.util.UUID;

/** Reads the device's identity from CIM_SoftwareIdentity, setup service, general settings and package GUID. */
public final class IdentityService {
    private final WsmanClient wsman;

    public IdentityService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public AmtIdentity read() throws WsmanException {
        String version = wsman.enumerate("CIM_SoftwareIdentity").stream()
                .filter(o -> "AMT".equals(o.get("InstanceID"))).map(o -> o.get("VersionString"))
                .findFirst().orElse("");
        CimObject setup = wsman.get("AMT_SetupAndConfigurationService");
        CimObject general = wsman.get("AMT_GeneralSettings");
        String guid = wsman.enumerate("CIM_ComputerSystemPackage").stream().map(o -> o.get("PlatformGUID"))
                .filter(g -> !g.isEmpty()).findFirst().orElse("");
        return new AmtIdentity(version,
                AmtIdentity.ProvisioningMode.of(setup.getLong("ProvisioningMode", -1)),
                AmtIdentity.ProvisioningState.of(setup.getLong("ProvisioningState", -1)),
                general.get("HostName"), general.get("DomainName"), general.get("DigestRealm"),
                guid.isEmpty() ? null : platformUuid(guid));
    }

    /** PlatformGUID is 32 hex digits in SMBIOS order: the first three fields are little-endian. */
    public static UUID platformUuid(String hex) throws WsmanException {
        byte[] b;
        try {
            b = HexFormat.of().parseHex(hex.replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new WsmanException.MalformedReply("PlatformGUID is not hex", e);
        }
        if (b.length != 16) {
            throw new WsmanException.MalformedReply("PlatformGUID is not 16 bytes", null);
        }
        byte[] u = {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(u);
        return new UUID(buf.getLong(), buf.getLong());
    }

    /** The inverse of {@link #platformUuid}, for the simulator and tests. */
    public static String platformGuid(UUID uuid) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        byte[] u = buf.array();
        byte[] b = {u[3], u[2], u[1], u[0], u[5], u[4], u[7], u[6], u[8], u[9], u[10], u[11], u[12], u[13], u[14], u[15]};
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
