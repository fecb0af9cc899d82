package dev.outband.app.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.DeviceStore;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin control mode through the server with a provisioning chain the test makes: the chain goes leaf first and
 * root last with rps' IsLeaf/IsRoot flags, and AdminSetup's signature verifies with the leaf's public key over
 * AMT's recorded ConfigurationNonce followed by McNonce (the order rps signs in, src/stateMachines/activation.ts).
 */
@Timeout(120)
class AdminControlActivationTest {
    static final String DOMAIN = "vprodemo.com";
    /** The ConfigurationNonce of the recorded IPS_HostBasedSetupService (go-wsman-messages, ips/hostbasedsetup/get.xml). */
    static final byte[] RECORDED_NONCE = Base64.getDecoder().decode("4P3sY7swlhjkhJNxDkEBIUcmpHE=");

    @TempDir
    Path home;
    DeviceStore store;
    X509Certificate labRoot;
    ActivationServer server;
    TestProvisioningChain chain;

    @BeforeEach
    void start() throws Exception {
        store = DeviceStore.open(home, () -> null);
        LabAuthority ca = new LabAuthority(home, store.secrets(), Clock.systemUTC());
        labRoot = ca.create("Outband test lab root");
        chain = TestProvisioningChain.issue(DOMAIN);
        store.profiles().save(new ActivationProfile(null, "lab-acm", ActivationProfile.ControlMode.ACM,
                store.profiles().seal(ActivationServerTest.ADMIN_PASSWORD), store.profiles().seal("Mebx-P@ss1"),
                store.profiles().seal(Base64.getEncoder().encodeToString(chain.pkcs12())),
                store.profiles().seal(new String(chain.password())), DOMAIN, false, null, 4433,
                ActivationProfile.Consent.KVM, true, false, false, ActivationProfile.Network.DHCP));
        server = ActivationServer.start(ActivationSettings.defaults(InetAddress.getLoopbackAddress()).withPort(0),
                ca.issueListenerIdentity("127.0.0.1", List.of("127.0.0.1")), null,
                new ActivationContext(store, null, ActivationContext.Deactivated.REMOVE, Duration.ZERO,
                        Clock.systemUTC()), p -> { });
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    RpcTestClient.Outcome activate(ScriptedAmt amt, ObjectNode payload) throws Exception {
        try (RpcTestClient client = new RpcTestClient(labRoot)) {
            client.connect("wss://127.0.0.1:" + server.port() + "/activate");
            client.send(RpcTestClient.message("activate --profile lab-acm", payload.toString()).toString());
            return client.run(amt::answer);
        }
    }

    ObjectNode payload(String fqdn, String... hashes) {
        ObjectNode p = RpcTestClient.payload(0).put("fqdn", fqdn);
        var array = p.putArray("certHashes");
        for (String h : hashes) {
            array.add(h);
        }
        return p;
    }

    @Test
    void theChainGoesLeafFirstAndAdminSetupIsSignedOverBothNonces() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);

        RpcTestClient.Outcome outcome = activate(amt, payload("Lab." + DOMAIN, "00".repeat(20), chain.rootSha256()));

        assertEquals("success", outcome.method(), String.valueOf(outcome.last()));
        assertEquals("Admin control mode.", outcome.status());
        assertEquals(List.of("Get", "Get", "AddNextCertInChain", "AddNextCertInChain", "AdminSetup",
                "SetMEBxPassword", "Get", "Put", "RequestStateChange", "RequestStateChange", "Get", "Put"), amt.methods());
        String leafCall = amt.calls().get(2).body();
        String rootCall = amt.calls().get(3).body();
        assertEquals(List.of(Base64.getEncoder().encodeToString(chain.leaf().getEncoded())),
                ScriptedAmt.between(leafCall, "<h:NextCertificate>", "</h:NextCertificate>"));
        assertTrue(leafCall.contains("<h:IsLeafCertificate>true<") && leafCall.contains("<h:IsRootCertificate>false<"));
        assertEquals(List.of(Base64.getEncoder().encodeToString(chain.root().getEncoded())),
                ScriptedAmt.between(rootCall, "<h:NextCertificate>", "</h:NextCertificate>"));
        assertTrue(rootCall.contains("<h:IsLeafCertificate>false<") && rootCall.contains("<h:IsRootCertificate>true<"));

        String adminSetup = amt.calls().get(4).body();
        byte[] mcNonce = Base64.getDecoder().decode(ScriptedAmt.between(adminSetup, "<h:McNonce>", "</h:McNonce>").getFirst());
        assertEquals(20, mcNonce.length);
        assertEquals(List.of("2"), ScriptedAmt.between(adminSetup, "<h:SigningAlgorithm>", "</h:SigningAlgorithm>"));
        Signature check = Signature.getInstance("SHA256withRSA");
        check.initVerify(chain.leaf().getPublicKey());
        check.update(RECORDED_NONCE);
        check.update(mcNonce);
        assertTrue(check.verify(Base64.getDecoder().decode(ScriptedAmt.between(adminSetup, "<h:DigitalSignature>",
                "</h:DigitalSignature>").getFirst())), "the signature covers ConfigurationNonce || McNonce");
        assertEquals(List.of(ScriptedAmt.md5("admin:" + ScriptedAmt.REALM + ":" + ActivationServerTest.ADMIN_PASSWORD)),
                ScriptedAmt.between(adminSetup, "<h:NetworkAdminPassword>", "</h:NetworkAdminPassword>"));
        assertEquals(List.of("Mebx-P@ss1"), ScriptedAmt.between(amt.calls().get(5).body(), "<h:Password>", "</h:Password>"));
        assertTrue(amt.calls().get(7).body().contains("<h:OptInRequired>1</h:OptInRequired>"), "consent for KVM only");
        assertEquals(2, amt.controlMode());
        assertArrayEquals(new String[] {"lab-acm"},
                store.devices().findByName("lab-pc-7").orElseThrow().tags().toArray(new String[0]));
    }

    @Test
    void aDeviceInAnotherDomainIsToldSoInPlainWords() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);

        RpcTestClient.Outcome outcome = activate(amt, payload("corp.example.org", chain.rootSha256()));

        assertEquals("error", outcome.method());
        assertTrue(outcome.status().contains("Specified AMT domain suffix: corp.example.org does not match list of"
                + " available AMT domain suffixes"), outcome.status());
        assertTrue(outcome.status().contains("the device is in domain corp.example.org, but profile lab-acm's"
                + " provisioning certificate is for vprodemo.com"), outcome.status());
        assertEquals(List.of(), amt.methods());
    }

    @Test
    void aDeviceThatDoesNotTrustTheRootIsRefusedBeforeTheChainIsSent() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);

        RpcTestClient.Outcome outcome = activate(amt, payload(DOMAIN, "ab".repeat(32)));

        assertEquals("error", outcome.method());
        assertTrue(outcome.status().contains("hash does not exists in list of trusted root certificates on AMT"),
                outcome.status());
        assertEquals(List.of(), amt.methods());
    }

    @Test
    void aRefusedAdminSetupSaysWhatAmtChecks() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD)
                .override("AdminSetup", s -> s.replace("<g:ReturnValue>0<", "<g:ReturnValue>2054<"));

        RpcTestClient.Outcome outcome = activate(amt, payload(DOMAIN, chain.rootSha256()));

        assertEquals("error", outcome.method());
        assertTrue(outcome.status().contains("AdminSetup failed"), outcome.status());
        assertTrue(outcome.status().contains("DNS suffix"), outcome.status());
        assertEquals(0, amt.controlMode());
    }
}
