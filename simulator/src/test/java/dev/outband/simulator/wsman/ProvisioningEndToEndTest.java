package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Provisioning;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.Reference;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Element;

/**
 * An unprovisioned virtual device activated over its WS-Man port as a provisioning server does it (rps'
 * activation state machine: GeneralSettings, HostBasedSetupService, Setup or AddNextCertInChain + AdminSetup),
 * then unprovisioned. Expected shapes come from go-wsman-messages' recorded AMT replies
 * (ips/hostbasedsetup/get.xml, setup.xml, adminsetup.xml, addnextcertinchain.xml,
 * amt/setupandconfiguration/get.xml, unprovision.xml); return values from the Intel AMT SDK's
 * IPS_HostBasedSetupService ValueMaps as go-wsman-messages lists them (ips/hostbasedsetup/decoder.go);
 * the admin password's digest from RFC 2617's HA1 = MD5(user ":" realm ":" password), computed here.
 */
@Timeout(60)
class ProvisioningEndToEndTest {
    private static final String NEW_PASSWORD = "N3w-Adm1n!pass";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static Fixture unprovisioned() throws Exception {
        return new Fixture(DeviceConfig.of("sim-1", "admin", "P@ssw0rd!").withBootDuration(Duration.ofMillis(100))
                .withProvisioningState(DeviceConfig.PRE_PROVISIONING));
    }

    private static RawWsman localAccount(Fixture sim) {
        Provisioning.LocalAccount lsa = sim.device.provisioning().localAccount();
        return new RawWsman(sim.endpoint(new DigestCredentials(lsa.user(), lsa.password())));
    }

    private static RawWsman admin(Fixture sim, String password) {
        return new RawWsman(sim.endpoint(new DigestCredentials("admin", password)));
    }

    static String ha1(String realm, String password) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5")
                .digest(("admin:" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(md5);
    }

    private static Element hostBasedSetup(RawWsman wsman) throws WsmanException {
        return wsman.get(Reference.of("IPS_HostBasedSetupService"));
    }

    private static String realm(RawWsman wsman) throws WsmanException {
        return RawWsman.text(wsman.get(Reference.of("AMT_GeneralSettings")), "DigestRealm");
    }

    private static long returnValue(Element output) {
        return Long.parseLong(RawWsman.text(output, "ReturnValue"));
    }

    private static Element setup(RawWsman wsman, String ha1) throws WsmanException {
        return wsman.invoke("IPS_HostBasedSetupService", "Setup",
                new Argument.Value("NetAdminPassEncryptionType", "2"), new Argument.Value("NetworkAdminPassword", ha1));
    }

    @Test
    void anUnprovisionedDeviceAnswersTheLocalAccountWithTheRecordedShapesAndNoAdmin() throws Exception {
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            Element hbs = hostBasedSetup(lsa);
            assertThat(hbs.getLocalName()).isEqualTo("IPS_HostBasedSetupService");
            assertThat(RawWsman.childNames(hbs)).containsExactly("AllowedControlModes", "AllowedControlModes",
                    "CertChainStatus", "ConfigurationNonce", "CreationClassName", "CurrentControlMode", "ElementName",
                    "Name", "SystemCreationClassName", "SystemName");
            assertThat(RawWsman.text(hbs, "CurrentControlMode")).isEqualTo("0");
            assertThat(Base64.getDecoder().decode(RawWsman.text(hbs, "ConfigurationNonce"))).hasSize(20);
            Element service = lsa.get(Reference.of("AMT_SetupAndConfigurationService"));
            assertThat(RawWsman.childNames(service)).containsExactly("CreationClassName", "ElementName",
                    "EnabledState", "Name", "PasswordModel", "ProvisioningMode", "ProvisioningServerOTP",
                    "ProvisioningState", "RequestedState", "SystemCreationClassName", "SystemName",
                    "ZeroTouchConfigurationEnabled");
            assertThat(RawWsman.text(service, "ProvisioningState")).isEqualTo("0");
            assertThat(realm(lsa)).matches("Digest:[0-9A-F]{32}");

            assertThatThrownBy(() -> realm(admin(sim, "P@ssw0rd!")))
                    .isInstanceOf(WsmanException.CredentialsRejected.class);
        }
    }

    @Test
    void setupWithTheDigestOfTheNewPasswordGivesClientControlAndTheAdminAccount() throws Exception {
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            Element out = setup(lsa, ha1(realm(lsa), NEW_PASSWORD));
            assertThat(out.getLocalName()).isEqualTo("Setup_OUTPUT");
            assertThat(out.getNamespaceURI()).isEqualTo("http://intel.com/wbem/wscim/1/ips-schema/1/IPS_HostBasedSetupService");
            assertThat(returnValue(out)).isZero();

            RawWsman admin = admin(sim, NEW_PASSWORD);
            assertThat(RawWsman.text(hostBasedSetup(admin), "CurrentControlMode")).isEqualTo("1");
            Element service = admin.get(Reference.of("AMT_SetupAndConfigurationService"));
            assertThat(RawWsman.text(service, "ProvisioningState")).isEqualTo("2");
            assertThat(RawWsman.text(service, "ProvisioningMode")).isEqualTo("4");
            assertThat(RawWsman.text(admin.get(Reference.of("IPS_OptInService")), "OptInRequired"))
                    .isEqualTo("4294967295");
            assertThat(RawWsman.text(admin.get(Reference.of("CIM_KVMRedirectionSAP")), "EnabledState")).isEqualTo("2");
            assertThatThrownBy(() -> realm(admin(sim, "P@ssw0rd!")))
                    .isInstanceOf(WsmanException.CredentialsRejected.class);

            // Setup again: AMT's PT_STATUS_INVALID_STATE (2), the password unchanged.
            assertThat(returnValue(setup(lsa, ha1(realm(lsa), "Other-Pass1!")))).isEqualTo(2);
            assertThat(realm(admin)).startsWith("Digest:");
        }
    }

    @Test
    void setupRefusesAPasswordThatIsNotADigest() throws Exception {
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            assertThat(returnValue(setup(lsa, NEW_PASSWORD))).isEqualTo(3);
            assertThat(returnValue(lsa.invoke("IPS_HostBasedSetupService", "Setup",
                    new Argument.Value("NetAdminPassEncryptionType", "1"),
                    new Argument.Value("NetworkAdminPassword", ha1(realm(lsa), NEW_PASSWORD))))).isEqualTo(3);
            assertThat(RawWsman.text(hostBasedSetup(lsa), "CurrentControlMode")).isEqualTo("0");
        }
    }

    @Test
    void unprovisionReturnsTheDeviceToPreProvisioningAndItCanBeActivatedAgain() throws Exception {
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            assertThat(returnValue(setup(lsa, ha1(realm(lsa), NEW_PASSWORD)))).isZero();
            RawWsman admin = admin(sim, NEW_PASSWORD);

            Element out = admin.invoke("AMT_SetupAndConfigurationService", "Unprovision",
                    new Argument.Value("ProvisioningMode", "1"));
            assertThat(out.getLocalName()).isEqualTo("Unprovision_OUTPUT");
            assertThat(returnValue(out)).isZero();

            assertThat(RawWsman.text(lsa.get(Reference.of("AMT_SetupAndConfigurationService")), "ProvisioningState"))
                    .isEqualTo("0");
            assertThatThrownBy(() -> realm(admin)).isInstanceOf(WsmanException.CredentialsRejected.class);
            assertThat(returnValue(lsa.invoke("AMT_SetupAndConfigurationService", "Unprovision",
                    new Argument.Value("ProvisioningMode", "1")))).isEqualTo(16);
            assertThat(returnValue(setup(lsa, ha1(realm(lsa), "Second-Pass1!")))).isZero();
            assertThat(realm(admin(sim, "Second-Pass1!"))).startsWith("Digest:");
        }
    }

    @Test
    void unprovisionErasesTheCertificatesAndTurnsRedirectionBackToItsDefaults() throws Exception {
        ProvisioningCertificates.Chain someRoot = ProvisioningCertificates.chain("prov.lab.outband.test", true);
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            assertThat(returnValue(setup(lsa, ha1(realm(lsa), NEW_PASSWORD)))).isZero();
            RawWsman admin = admin(sim, NEW_PASSWORD);
            assertThat(returnValue(admin.invoke("AMT_PublicKeyManagementService", "AddTrustedRootCertificate",
                    new Argument.Value("CertificateBlob", someRoot.base64().getLast())))).isZero();
            assertThat(returnValue(admin.invoke("AMT_RedirectionService", "RequestStateChange",
                    new Argument.Value("RequestedState", "32771")))).isZero();
            assertThat(admin.enumerate("AMT_PublicKeyCertificate")).hasSize(1);

            assertThat(returnValue(admin.invoke("AMT_SetupAndConfigurationService", "Unprovision",
                    new Argument.Value("ProvisioningMode", "1")))).isZero();

            // AMT's full unprovision returns settings to factory defaults (Intel AMT SDK, "Unprovisioning").
            assertThat(lsa.enumerate("AMT_PublicKeyCertificate")).isEmpty();
            assertThat(RawWsman.text(lsa.get(Reference.of("AMT_RedirectionService")), "EnabledState"))
                    .isEqualTo("32768");
        }
    }

    /** rps re-passwords a device it finds activated with SetAdminAclEntryEx: base64 of the raw MD5 of user:realm:pw. */
    @Test
    void setAdminAclEntryExChangesTheAdminPasswordOfAnActivatedDeviceOnly() throws Exception {
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            String realm = realm(lsa);
            Argument.Value user = new Argument.Value("Username", "admin");
            Argument.Value digest = new Argument.Value("DigestPassword",
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(ha1(realm, "Third-Pass1!"))));
            Element refused = lsa.invoke("AMT_AuthorizationService", "SetAdminAclEntryEx", user, digest);
            assertThat(refused.getLocalName()).isEqualTo("SetAdminAclEntryEx_OUTPUT");
            assertThat(returnValue(refused)).isEqualTo(16);

            assertThat(returnValue(setup(lsa, ha1(realm, NEW_PASSWORD)))).isZero();
            assertThat(returnValue(admin(sim, NEW_PASSWORD).invoke("AMT_AuthorizationService", "SetAdminAclEntryEx",
                    user, digest))).isZero();
            assertThat(realm(admin(sim, "Third-Pass1!"))).isEqualTo(realm);
            assertThatThrownBy(() -> realm(admin(sim, NEW_PASSWORD)))
                    .isInstanceOf(WsmanException.CredentialsRejected.class);
        }
    }

    @Test
    void concurrentSetupsLetExactlyOneWinAndItsPasswordIsTheAdmins() throws Exception {
        try (Fixture sim = unprovisioned(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            RawWsman lsa = localAccount(sim);
            String realm = realm(lsa);
            List<Callable<Long>> attempts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String password = "Pass-" + i + "-Word!";
                attempts.add(() -> returnValue(setup(localAccount(sim), ha1(realm, password))));
            }
            List<Future<Long>> results = pool.invokeAll(attempts, 40, TimeUnit.SECONDS);
            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                long value = results.get(i).get();
                assertThat(value).isIn(0L, 2L);
                if (value == 0) {
                    winners.add(i);
                }
            }
            assertThat(winners).hasSize(1);
            assertThat(realm(admin(sim, "Pass-" + winners.getFirst() + "-Word!"))).isEqualTo(realm);
        }
    }

    /** rps' ACM order: HostBasedSetupService Get for the nonce, the chain leaf first, then AdminSetup. */
    private static long activateAdmin(RawWsman lsa, ProvisioningCertificates.Chain chain, boolean signRightNonce)
            throws Exception {
        byte[] nonce = Base64.getDecoder().decode(RawWsman.text(hostBasedSetup(lsa), "ConfigurationNonce"));
        List<String> certs = chain.base64();
        for (int i = 0; i < certs.size(); i++) {
            Element out = lsa.invoke("IPS_HostBasedSetupService", "AddNextCertInChain",
                    new Argument.Value("NextCertificate", certs.get(i)),
                    new Argument.Value("IsLeafCertificate", String.valueOf(i == 0)),
                    new Argument.Value("IsRootCertificate", String.valueOf(i == certs.size() - 1)));
            assertThat(out.getLocalName()).isEqualTo("AddNextCertInChain_OUTPUT");
            long value = returnValue(out);
            if (value != 0) {
                return -value;
            }
        }
        byte[] mcNonce = new byte[20];
        RANDOM.nextBytes(mcNonce);
        byte[] signedNonce = signRightNonce ? nonce : new byte[20];
        Element out = lsa.invoke("IPS_HostBasedSetupService", "AdminSetup",
                new Argument.Value("NetAdminPassEncryptionType", "2"),
                new Argument.Value("NetworkAdminPassword", ha1(realm(lsa), NEW_PASSWORD)),
                new Argument.Value("McNonce", Base64.getEncoder().encodeToString(mcNonce)),
                new Argument.Value("SigningAlgorithm", "2"),
                new Argument.Value("DigitalSignature", chain.sign(signedNonce, mcNonce)));
        assertThat(out.getLocalName()).isEqualTo("AdminSetup_OUTPUT");
        return returnValue(out);
    }

    @Test
    void adminSetupWithATrustedChainForTheDevicesSuffixGivesAdminControl() throws Exception {
        ProvisioningCertificates.Chain chain = ProvisioningCertificates.chain("prov.lab.outband.test", true);
        try (Fixture sim = unprovisioned()) {
            sim.device.provisioning().trust(chain.root());
            RawWsman lsa = localAccount(sim);
            assertThat(activateAdmin(lsa, chain, true)).isZero();

            RawWsman admin = admin(sim, NEW_PASSWORD);
            assertThat(RawWsman.text(hostBasedSetup(admin), "CurrentControlMode")).isEqualTo("2");
            assertThat(RawWsman.text(admin.get(Reference.of("AMT_SetupAndConfigurationService")), "ProvisioningMode"))
                    .isEqualTo("1");
            assertThat(returnValue(admin.invoke("AMT_SetupAndConfigurationService", "SetMEBxPassword",
                    new Argument.Value("Password", "Mebx-Pass1!")))).isZero();
        }
    }

    @Test
    void aChainFromARootTheDeviceDoesNotTrustFailsVerification() throws Exception {
        ProvisioningCertificates.Chain chain = ProvisioningCertificates.chain("prov.lab.outband.test", true);
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            assertThat(activateAdmin(lsa, chain, true)).isEqualTo(-4);
            assertThat(RawWsman.text(hostBasedSetup(lsa), "CurrentControlMode")).isEqualTo("0");
            assertThat(RawWsman.text(hostBasedSetup(lsa), "CertChainStatus")).isEqualTo("0");
        }
    }

    @Test
    void aLeafWithoutTheProvisioningUsageFailsVerification() throws Exception {
        ProvisioningCertificates.Chain chain = ProvisioningCertificates.chain("prov.lab.outband.test", false);
        try (Fixture sim = unprovisioned()) {
            sim.device.provisioning().trust(chain.root());
            assertThat(activateAdmin(localAccount(sim), chain, true)).isEqualTo(-4);
        }
    }

    @Test
    void aChainOutOfOrderOrNotACertificateIsRefusedWithTheSdksValues() throws Exception {
        ProvisioningCertificates.Chain chain = ProvisioningCertificates.chain("prov.lab.outband.test", true);
        try (Fixture sim = unprovisioned()) {
            RawWsman lsa = localAccount(sim);
            // Not a certificate: invalid parameter (1); a chain that does not start with its leaf: invalid state (3).
            assertThat(returnValue(addCert(lsa, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}), true, false)))
                    .isEqualTo(1);
            assertThat(returnValue(addCert(lsa, chain.base64().get(1), false, false))).isEqualTo(3);
            // AdminSetup before a complete chain: invalid state (2).
            Element out = lsa.invoke("IPS_HostBasedSetupService", "AdminSetup",
                    new Argument.Value("NetAdminPassEncryptionType", "2"),
                    new Argument.Value("NetworkAdminPassword", ha1(realm(lsa), NEW_PASSWORD)),
                    new Argument.Value("McNonce", Base64.getEncoder().encodeToString(new byte[20])),
                    new Argument.Value("SigningAlgorithm", "2"),
                    new Argument.Value("DigitalSignature", chain.sign(new byte[20], new byte[20])));
            assertThat(returnValue(out)).isEqualTo(2);
        }
    }

    private static Element addCert(RawWsman wsman, String base64, boolean leaf, boolean root) throws WsmanException {
        return wsman.invoke("IPS_HostBasedSetupService", "AddNextCertInChain",
                new Argument.Value("NextCertificate", base64),
                new Argument.Value("IsLeafCertificate", String.valueOf(leaf)),
                new Argument.Value("IsRootCertificate", String.valueOf(root)));
    }

    @Test
    void aLeafForAnotherDnsSuffixIsRefusedAtAdminSetup() throws Exception {
        ProvisioningCertificates.Chain chain = ProvisioningCertificates.chain("prov.elsewhere.example", true);
        try (Fixture sim = unprovisioned()) {
            sim.device.provisioning().trust(chain.root());
            RawWsman lsa = localAccount(sim);
            assertThat(activateAdmin(lsa, chain, true)).isEqualTo(5);
            assertThat(RawWsman.text(hostBasedSetup(lsa), "CurrentControlMode")).isEqualTo("0");
        }
    }

    @Test
    void aSignatureOverAnotherNonceIsRefusedAndTheNextAttemptCanSucceed() throws Exception {
        ProvisioningCertificates.Chain chain = ProvisioningCertificates.chain("*.lab.outband.test", true);
        try (Fixture sim = unprovisioned()) {
            sim.device.provisioning().trust(chain.root());
            RawWsman lsa = localAccount(sim);
            assertThat(activateAdmin(lsa, chain, false)).isEqualTo(5);
            assertThat(RawWsman.text(hostBasedSetup(lsa), "CurrentControlMode")).isEqualTo("0");
            assertThat(activateAdmin(lsa, chain, true)).isZero();
        }
    }
}
