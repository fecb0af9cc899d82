package dev.outband.wsman.amt.remoteaccess;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Call home (CIRA): the servers the device tunnels to, when it does, and where it counts as outside
 * the intranet. AMT_RemoteAccessService, AMT_EnvironmentDetectionSettingData and
 * AMT_UserInitiatedConnectionService.
 */
public final class RemoteAccessService {
    static final String SERVICE = "AMT_RemoteAccessService";
    static final String MPS = "AMT_ManagementPresenceRemoteSAP";
    static final String RULE = "AMT_RemoteAccessPolicyRule";
    static final String DETECTION = "AMT_EnvironmentDetectionSettingData";
    static final String DETECTION_ID = "Intel(r) AMT Environment Detection Settings";
    /** RequestStateChange value for "user-initiated connections allowed from BIOS and OS". */
    static final int BIOS_AND_OS_ENABLED = 32771;
    private static final int PASSWORD_AUTHENTICATION = 2;

    private final WsmanClient wsman;

    public RemoteAccessService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    /** Adds an MPS; returns its Name (the key its policy rules point at). */
    public String addMpServer(MpServer server) throws WsmanException {
        CimObject out = wsman.invoke(Reference.of(SERVICE), "AddMpServer", List.of(
                Argument.of("AccessInfo", server.address()),
                Argument.of("InfoFormat", server.infoFormat()),
                Argument.of("Port", server.port()),
                Argument.of("AuthMethod", PASSWORD_AUTHENTICATION),
                Argument.of("Username", server.user()),
                Argument.of("Password", server.password()),
                Argument.of("CN", server.commonName())));
        String name = out.reference("MpServer").map(r -> r.selector("Name")).orElse("");
        if (name.isEmpty()) {
            throw new WsmanException.MalformedReply("AddMpServer without the MpServer reference", null);
        }
        return name;
    }

    public List<MpServerEntry> mpServers() throws WsmanException {
        List<MpServerEntry> out = new ArrayList<>();
        for (CimObject o : wsman.enumerate(MPS)) {
            out.add(new MpServerEntry(o.get("Name"), o.get("AccessInfo"), (int) o.getLong("Port", 0), o.get("CN")));
        }
        return out;
    }

    public void deleteMpServer(String name) throws WsmanException {
        wsman.delete(Reference.of(MPS, "CreationClassName", MPS, "Name", name,
                "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT"));
    }

    /** A rule that makes the device call {@code mpServerName}; {@code interval} counts for periodic rules only. */
    public String addPolicyRule(PolicyRule.Trigger trigger, Duration interval, String mpServerName)
            throws WsmanException {
        CimObject out = wsman.invoke(Reference.of(SERVICE), "AddRemoteAccessPolicyRule", List.of(
                Argument.of("Trigger", trigger.number()),
                Argument.of("TunnelLifeTime", 0),
                Argument.of("ExtendedData", extendedData(trigger, interval)),
                Argument.epr("MpServer", Reference.of(MPS, "Name", mpServerName))));
        String name = out.reference("PolicyRule").map(r -> r.selector("PolicyRuleName")).orElse("");
        if (name.isEmpty()) {
            throw new WsmanException.MalformedReply("AddRemoteAccessPolicyRule without the PolicyRule reference", null);
        }
        return name;
    }

    public List<PolicyRule> policyRules() throws WsmanException {
        List<PolicyRule> out = new ArrayList<>();
        for (CimObject o : wsman.enumerate(RULE)) {
            out.add(new PolicyRule(o.get("PolicyRuleName"), PolicyRule.Trigger.of(o.getLong("Trigger", -1)),
                    interval(o.get("ExtendedData"))));
        }
        return out;
    }

    public void deletePolicyRule(String name) throws WsmanException {
        wsman.delete(Reference.of(RULE, "CreationClassName", RULE, "PolicyRuleName", name,
                "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT"));
    }

    /** The domains in which the device counts as inside the intranet (and so does not call home). */
    public void setIntranetDomains(List<String> domains) throws WsmanException {
        wsman.put(Reference.of(DETECTION, "InstanceID", DETECTION_ID), List.of(
                Argument.of("DetectionAlgorithm", 0),
                new Argument.Values("DetectionStrings", domains),
                Argument.of("ElementName", DETECTION_ID),
                Argument.of("InstanceID", DETECTION_ID)));
    }

    /** Lets the device open its tunnel on its own (from BIOS and OS), which CIRA needs. */
    public void enableUserInitiatedConnections() throws WsmanException {
        wsman.invoke(Reference.of("AMT_UserInitiatedConnectionService"), "RequestStateChange",
                List.of(Argument.of("RequestedState", BIOS_AND_OS_ENABLED)));
    }

    /** Periodic rules carry two big-endian 32-bit numbers: 0 (interval mode) and the interval in seconds. */
    static String extendedData(PolicyRule.Trigger trigger, Duration interval) {
        if (trigger != PolicyRule.Trigger.PERIODIC) {
            return "";
        }
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putInt(0)
                .putInt((int) Math.min(interval.toSeconds(), Integer.MAX_VALUE)).array());
    }

    static Duration interval(String extendedData) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(extendedData.trim());
        } catch (IllegalArgumentException e) {
            return Duration.ZERO;
        }
        return bytes.length == 8 ? Duration.ofSeconds(Integer.toUnsignedLong(ByteBuffer.wrap(bytes, 4, 4).getInt()))
                : Duration.ZERO;
    }
}
