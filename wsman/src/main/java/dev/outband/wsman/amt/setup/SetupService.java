package dev.outband.wsman.amt.setup;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Activation and deactivation over WS-Man (IPS_HostBasedSetupService, AMT_SetupAndConfigurationService), with
 * the inputs and numbers DMT's go-wsman-messages uses (pkg/wsman/ips/hostbasedsetup, amt/setupandconfiguration).
 */
public final class SetupService {
    /** NetAdminPassEncryptionType: the password travels as HTTP digest MD5 of admin:realm:password. */
    public static final int DIGEST_MD5 = 2;
    /** SigningAlgorithm: RSA with SHA-256. */
    public static final int RSA_SHA256 = 2;
    /** Unprovision's ProvisioningMode: back to pre-provisioning. */
    private static final int UNPROVISION_FULL = 1;

    private static final Reference HOST_BASED_SETUP = Reference.of("IPS_HostBasedSetupService");
    private static final Reference SETUP_AND_CONFIGURATION = Reference.of("AMT_SetupAndConfigurationService");
    private static final Reference GENERAL_SETTINGS = Reference.of("AMT_GeneralSettings");

    private final WsmanClient wsman;

    public SetupService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    /** AMT's digest realm ({@code Digest:} and 32 hex digits), which the new admin password is hashed with. */
    public String digestRealm() throws WsmanException {
        return wsman.get(GENERAL_SETTINGS).get("DigestRealm");
    }

    public SetupState state() throws WsmanException {
        CimObject o = wsman.get(HOST_BASED_SETUP);
        List<Integer> allowed = new ArrayList<>();
        for (String mode : o.all("AllowedControlModes")) {
            try {
                allowed.add(Integer.parseInt(mode));
            } catch (NumberFormatException e) {
                throw new WsmanException.MalformedReply("AllowedControlModes holds " + mode + ", not a number", e);
            }
        }
        byte[] nonce;
        try {
            nonce = Base64.getMimeDecoder().decode(o.get("ConfigurationNonce"));
        } catch (IllegalArgumentException e) {
            throw new WsmanException.MalformedReply("ConfigurationNonce is not base64", e);
        }
        return new SetupState((int) o.getLong("CurrentControlMode", -1), allowed, nonce);
    }

    /** Client control mode with this admin password. */
    public void setup(String realm, String adminPassword) throws WsmanException {
        wsman.invoke(HOST_BASED_SETUP, "Setup", List.of(Argument.of("NetAdminPassEncryptionType", DIGEST_MD5),
                Argument.of("NetworkAdminPassword", adminDigest(realm, adminPassword))));
    }

    /** One certificate of the provisioning chain, leaf first and root last (DER). */
    public void addNextCertInChain(byte[] der, boolean leaf, boolean root) throws WsmanException {
        wsman.invoke(HOST_BASED_SETUP, "AddNextCertInChain", List.of(
                Argument.of("NextCertificate", Base64.getEncoder().encodeToString(der)),
                Argument.of("IsLeafCertificate", leaf), Argument.of("IsRootCertificate", root)));
    }

    /** Admin control mode: {@code signature} covers ConfigurationNonce followed by {@code mcNonce} (RSA-SHA256). */
    public void adminSetup(String realm, String adminPassword, byte[] mcNonce, byte[] signature)
            throws WsmanException {
        wsman.invoke(HOST_BASED_SETUP, "AdminSetup", List.of(Argument.of("NetAdminPassEncryptionType", DIGEST_MD5),
                Argument.of("NetworkAdminPassword", adminDigest(realm, adminPassword)),
                Argument.of("McNonce", Base64.getEncoder().encodeToString(mcNonce)),
                Argument.of("SigningAlgorithm", RSA_SHA256),
                Argument.of("DigitalSignature", Base64.getEncoder().encodeToString(signature))));
    }

    /** The password of the device's BIOS extension (MEBx), set after admin setup. */
    public void setMebxPassword(String password) throws WsmanException {
        wsman.invoke(SETUP_AND_CONFIGURATION, "SetMEBxPassword", List.of(Argument.of("Password", password)));
    }

    /** Back to pre-provisioning: the admin password, TLS and call-home settings are gone. */
    public void unprovision() throws WsmanException {
        wsman.invoke(SETUP_AND_CONFIGURATION, "Unprovision", List.of(Argument.of("ProvisioningMode", UNPROVISION_FULL)));
    }

    /** NetworkAdminPassword: lower-case hex MD5 of {@code admin:realm:password}. */
    public static String adminDigest(String realm, String adminPassword) {
        return DigestCredentials.md5("admin:" + realm + ":" + adminPassword);
    }
}
