package dev.outband.app.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outband.app.ca.LabAuthority;
import dev.outband.app.store.ActivationProfile;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activation server at the protocol level: a websocket client speaking rpc-go's JSON (internal/rps/message.go)
 * over real TLS, relaying to a scripted AMT that answers with AMT's recorded replies (see {@link ScriptedAmt}).
 * The expected WS-Man sequence and texts are rps' (src/stateMachines/activation.ts, src/Validator.ts).
 */
@Timeout(120)
class ActivationServerTest {
    static final String API_KEY = "lab-key-0123456789";
    static final String ADMIN_PASSWORD = "Adm1n-P@ssw0rd!";

    @TempDir
    Path home;
    DeviceStore store;
    X509Certificate root;
    ActivationServer server;
    final List<ActivationProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        store = DeviceStore.open(home, () -> null);
        LabAuthority ca = new LabAuthority(home, store.secrets(), Clock.systemUTC());
        root = ca.create("Outband test lab root");
        store.profiles().save(ccm("lab-ccm"));
        ActivationSettings settings = ActivationSettings.defaults(InetAddress.getLoopbackAddress()).withPort(0)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofMinutes(2));
        server = ActivationServer.start(settings, ca.issueListenerIdentity("127.0.0.1", List.of("127.0.0.1")),
                API_KEY.toCharArray(), new ActivationContext(store, null, ActivationContext.Deactivated.REMOVE,
                        Duration.ZERO, Clock.systemUTC()), progress::add);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    ActivationServerTest withStore(DeviceStore opened) {
        store = opened;
        return this;
    }

    ActivationProfile ccm(String name) {
        return new ActivationProfile(null, name, ActivationProfile.ControlMode.CCM,
                store.profiles().seal(ADMIN_PASSWORD), null, null, null, null, false, null, 4433,
                ActivationProfile.Consent.ALL, true, true, false, ActivationProfile.Network.DHCP);
    }

    String url() {
        return "wss://127.0.0.1:" + server.port() + "/activate?key=" + API_KEY;
    }

    RpcTestClient.Outcome activate(ScriptedAmt amt, String url, String method, int mode) throws Exception {
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url);
            client.send(RpcTestClient.message(method, RpcTestClient.payload(mode).toString()).toString());
            return client.run(amt::answer);
        }
    }

    @Test
    void aClientControlActivationRunsRpsSequenceAndStoresTheDevice() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);

        RpcTestClient.Outcome outcome = activate(amt, url(), "activate --profile lab-ccm", 0);

        assertEquals("success", outcome.method(), String.valueOf(outcome.last()));
        assertEquals("success", outcome.last().get("status").asText());
        assertEquals("Client control mode.", outcome.status());
        assertEquals(List.of("Get", "Get", "Setup", "RequestStateChange", "RequestStateChange", "Get", "Put"),
                amt.methods());
        ScriptedAmt.Call setup = amt.calls().get(2);
        assertEquals(List.of("2"), ScriptedAmt.between(setup.body(), "<h:NetAdminPassEncryptionType>",
                "</h:NetAdminPassEncryptionType>"));
        // rps: NetworkAdminPassword = MD5("admin:" + DigestRealm + ":" + password), lower-case hex.
        assertEquals(List.of(ScriptedAmt.md5("admin:" + ScriptedAmt.REALM + ":" + ADMIN_PASSWORD)),
                ScriptedAmt.between(setup.body(), "<h:NetworkAdminPassword>", "</h:NetworkAdminPassword>"));
        assertEquals(RpcTestClient.UUID + ":16992", setup.host());
        assertEquals(1, amt.controlMode());
        Device device = store.devices().findByName("lab-pc-7").orElseThrow();
        assertEquals("192.168.1.57", device.host());
        assertEquals("admin", device.user());
        assertEquals(ADMIN_PASSWORD, device.password().reveal());
        assertEquals(List.of("lab-ccm"), device.tags());
        assertEquals(Reach.DIRECT, device.reach());
        assertTrue(progress.stream().anyMatch(p -> p.state() == ActivationProgress.State.DONE
                && p.uuid().equals(RpcTestClient.UUID)), progress::toString);
    }

    @Test
    void aGeneratedPasswordIsStoredWithTheDevice() throws Exception {
        store.profiles().save(new ActivationProfile(null, "generated", ActivationProfile.ControlMode.CCM, null, null,
                null, null, null, false, null, 4433, ActivationProfile.Consent.ALL, true, true, true,
                ActivationProfile.Network.DHCP));
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);

        RpcTestClient.Outcome outcome = activate(amt, url(), "activate --profile GENERATED", 0);

        assertEquals("success", outcome.method(), String.valueOf(outcome.last()));
        String password = store.devices().findByName("lab-pc-7").orElseThrow().password().reveal();
        assertTrue(password.length() == 16 && password.chars().anyMatch(Character::isDigit)
                && password.chars().anyMatch(Character::isUpperCase), "a strong password: " + password.length());
        ScriptedAmt.Call setup = amt.calls().get(2);
        assertEquals(List.of(ScriptedAmt.md5("admin:" + ScriptedAmt.REALM + ":" + password)),
                ScriptedAmt.between(setup.body(), "<h:NetworkAdminPassword>", "</h:NetworkAdminPassword>"));
    }

    @Test
    void aWrongApiKeyIsRefusedBeforeAnythingReachesTheDevice() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);

        RpcTestClient.Outcome outcome = activate(amt, url().replace(API_KEY, "guess"), "activate --profile lab-ccm", 0);

        assertEquals("error", outcome.method());
        assertEquals("failed", outcome.last().get("status").asText());
        assertTrue(outcome.status().contains("API key"), outcome.status());
        assertEquals(List.of(), amt.methods());
    }

    @Test
    void anUnknownProfileGetsRpsMessageAndTheDeviceIsUntouched() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);

        RpcTestClient.Outcome outcome = activate(amt, url(), "activate --profile nosuch", 0);

        assertEquals("error", outcome.method());
        assertEquals("Device " + RpcTestClient.UUID + " activation failed. nosuch does not match list of available"
                + " AMT profiles.", outcome.status());
        assertEquals(List.of(), amt.methods());
        assertEquals(0, amt.controlMode());
    }

    @Test
    void aDeviceAlreadyActivatedIsToldToDeactivateFirst() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        amt.activated(2, "Other-P@ss1");

        RpcTestClient.Outcome reported = activate(amt, url(), "activate --profile lab-ccm", 2);

        assertEquals("error", reported.method());
        assertTrue(reported.status().contains("already activated in admin control mode"), reported.status());
        assertTrue(reported.status().contains("deactivate"), reported.status());
        assertEquals(List.of(), amt.methods());
    }

    @Test
    void aDeviceThatSaysPreProvisioningButIsActivatedIsCaughtBeforeSetup() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        amt.activated(1, RpcTestClient.LSA_PASSWORD.replace("Lsa", "Adm"));
        ScriptedAmt lsaStillWorks = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        lsaStillWorks.override("Get", s -> s.replace("<g:CurrentControlMode>0<", "<g:CurrentControlMode>1<"));

        RpcTestClient.Outcome outcome = activate(lsaStillWorks, url(), "activate --profile lab-ccm", 0);

        assertEquals("error", outcome.method());
        assertTrue(outcome.status().contains("already activated in client control mode"), outcome.status());
        assertEquals(List.of("Get", "Get"), lsaStillWorks.methods());
    }

    @Test
    void malformedMessagesEndTheSessionWithTheReason() throws Exception {
        for (String bad : List.of("not json at all", "{\"method\":\"\"}",
                RpcTestClient.message("activate --profile lab-ccm", "{\"uuid\":\"short\"}").toString(),
                RpcTestClient.message("activate --profile lab-ccm", "{}").put("payload", "%%%").toString(),
                RpcTestClient.message("maintenance --synctime", RpcTestClient.payload(1).toString()).toString())) {
            try (RpcTestClient client = new RpcTestClient(root)) {
                client.connect(url());
                client.send(bad);
                RpcTestClient.Outcome outcome = client.run(request -> {
                    throw new AssertionError("nothing may reach the device");
                });
                assertEquals("error", outcome.method(), bad);
                assertNotNull(outcome.status());
            }
        }
    }

    @Test
    void aClientThatLeavesMidWayLeavesADeviceTheNextAttemptFinishes() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url());
            client.send(RpcTestClient.message("activate --profile lab-ccm", RpcTestClient.payload(0).toString())
                    .toString());
            client.run(amt::answer, 2);
        }
        awaitFailure("the client disconnected");
        assertEquals(0, amt.controlMode(), "nothing was set up yet");

        RpcTestClient.Outcome again = activate(amt, url(), "activate --profile lab-ccm", 0);

        assertEquals("success", again.method(), String.valueOf(again.last()));
        assertEquals(1, amt.controlMode());
    }

    @Test
    void aClientLostRightAfterSetupLeavesTheGeneratedPasswordInTheStoreForTheDeactivation() throws Exception {
        store.profiles().save(new ActivationProfile(null, "generated", ActivationProfile.ControlMode.CCM, null, null,
                null, null, null, false, null, 4433, ActivationProfile.Consent.ALL, true, true, true,
                ActivationProfile.Network.DHCP));
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url());
            client.send(RpcTestClient.message("activate --profile generated", RpcTestClient.payload(0).toString())
                    .toString());
            // The device takes Setup; its reply is lost with the client.
            client.run(request -> {
                byte[] reply = amt.answer(request);
                if (amt.controlMode() == 1) {
                    throw new RpcTestClient.Leave();
                }
                return reply;
            });
        }
        awaitFailure("the client disconnected");
        assertEquals(List.of("Get", "Get", "Setup"), amt.methods());
        assertEquals(1, amt.controlMode());
        String password = store.devices().findByName("lab-pc-7").orElseThrow().password().reveal();

        RpcTestClient.Outcome again = activate(amt, url(), "activate --profile generated", 1);
        assertTrue(again.status().contains("already activated"), again.status());
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url());
            client.send(RpcTestClient.message("deactivate --password x",
                    RpcTestClient.payload(1).put("password", password).toString()).toString());
            assertEquals("success", client.run(amt::answer).method());
        }
        assertEquals(0, amt.controlMode());
    }

    @Test
    void aClientThatNeverSpeaksIsClosedAtTheFirstMessageDeadline() throws Exception {
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url());
            RpcTestClient.Closed closed = client.closed();
            assertEquals(1008, closed.code(), closed.toString());
            assertTrue(closed.reason().contains("no first message"), closed.reason());
        }
    }

    @Test
    void aMessageOverTheLimitClosesThatSessionOnly() throws Exception {
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url());
            client.send("{\"method\":\"activate\",\"payload\":\"" + "A".repeat(300 * 1024) + "\"}");
            assertEquals(1009, client.closed().code());
        }
        RpcTestClient.Outcome fine = activate(new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD),
                url(), "activate --profile lab-ccm", 0);
        assertEquals("success", fine.method());
    }

    @Test
    void deactivateThroughTheClientUnprovisionsAndRemovesTheDevice() throws Exception {
        ScriptedAmt amt = new ScriptedAmt(RpcTestClient.LSA_USER, RpcTestClient.LSA_PASSWORD);
        assertEquals("success", activate(amt, url(), "activate --profile lab-ccm", 0).method());
        JsonNode info = RpcTestClient.payload(1).put("username", "admin").put("password", ADMIN_PASSWORD);

        RpcTestClient.Outcome wrong;
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url());
            client.send(RpcTestClient.message("deactivate --password x", info.toString().replace(ADMIN_PASSWORD,
                    "Wr0ng-P@ss")).toString());
            wrong = client.run(amt::answer);
        }
        assertEquals("error", wrong.method());
        assertTrue(wrong.status().startsWith("AMT password DOES NOT match stored version"), wrong.status());

        RpcTestClient.Outcome done;
        try (RpcTestClient client = new RpcTestClient(root)) {
            client.connect(url().replace("/activate", "/deactivate"));
            client.send(RpcTestClient.message("deactivate --password x", info.toString()).toString());
            done = client.run(amt::answer);
        }
        assertEquals("success", done.method(), String.valueOf(done.last()));
        assertEquals("Deactivated", done.status());
        assertEquals("Unprovision", amt.methods().getLast());
        assertTrue(amt.calls().getLast().body().contains("<h:ProvisioningMode>1</h:ProvisioningMode>"));
        assertEquals(0, amt.controlMode());
        assertTrue(store.devices().findByName("lab-pc-7").isEmpty());
    }

    private void awaitFailure(String text) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (progress.stream().anyMatch(p -> p.state() == ActivationProgress.State.FAILED
                    && p.message().contains(text))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no failure saying '" + text + "': " + progress);
    }
}
