package dev.outband.simulator.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.Provisioning;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.device.DeviceFleet;
import dev.outband.simulator.wsman.DevicePorts;
import dev.outband.simulator.wsman.RawWsman;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.soap.Reference;
import dev.outband.simulator.wsman.ProvisioningCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The activation client against a websocket server that plays rps' side (RpsPlayer), with an unprovisioned
 * virtual device behind it. Expected message shapes come from rpc-go (internal/rps/message.go: Message,
 * MessagePayload; rps.go: "activate --profile NAME", "deactivate --password PW"; heartbeat echo) and rps
 * (ClientResponseMsg, HttpHandler, the CCM steps of stateMachines/activation.ts and deactivation.ts).
 */
@Timeout(60)
class ActivationClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HBS = "http://intel.com/wbem/wscim/1/ips-schema/1/IPS_HostBasedSetupService";
    private static final String GENERAL = "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_GeneralSettings";
    private static final String SETUP_CONFIG =
            "http://intel.com/wbem/wscim/1/amt-schema/1/AMT_SetupAndConfigurationService";
    private static final String PASSWORD = "Lab-Adm1n!pass";

    @TempDir
    Path dir;

    private VirtualDevice device;
    private DevicePorts ports;
    private RpsPlayer rps;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        device = new VirtualDevice(DeviceConfig.of("sim-7", "admin", "P@ssw0rd!")
                .withBootDuration(Duration.ofMillis(100)).withProvisioningState(DeviceConfig.PRE_PROVISIONING));
        ports = DevicePorts.open(device, 0, 0, null);
        rps = new RpsPlayer();
        pool = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterEach
    void stop() throws IOException {
        pool.shutdownNow();
        rps.close();
        ports.close();
    }

    private InetSocketAddress wsman() {
        return new InetSocketAddress("127.0.0.1", ports.httpPort());
    }

    private SSLContext labCa() throws Exception {
        return ServerTrust.caFile(rps.writeCa(dir), rps.uri());
    }

    private Future<ActivationResult> run(ActivationSettings settings, SSLContext tls, ActivationClient.Command command) {
        return pool.submit(() -> {
            try (ActivationClient client = new ActivationClient(settings, tls, null, null)) {
                return client.run(device, wsman(), rps.uri(), command);
            }
        });
    }

    private static JsonNode payload(JsonNode message) throws IOException {
        return JSON.readTree(Base64.getDecoder().decode(message.get("payload").asText()));
    }

    @Test
    void aClientControlActivationRunsRpsStepsThroughTheClientAndTheDeviceEndsProvisioned() throws Exception {
        Future<ActivationResult> result = run(ActivationSettings.defaults(), labCa(),
                ActivationClient.Command.activate("lab-ccm"));

        JsonNode first = rps.next();
        assertThat(first.get("method").asText()).isEqualTo("activate --profile lab-ccm");
        assertThat(first.get("apiKey").asText()).isEqualTo("key");
        assertThat(first.get("protocolVersion").asText()).isEqualTo("4.0.0");
        assertThat(first.get("status").asText()).isEqualTo("ok");
        assertThat(first.get("message").asText()).isEqualTo("ok");
        assertThat(first.fieldNames()).toIterable().containsExactlyInAnyOrder("method", "apiKey", "appVersion",
                "protocolVersion", "status", "message", "fqdn", "payload", "tenantId");
        JsonNode payload = payload(first);
        // rps' validator: client, ver, build, uuid (36 characters) and password must be there.
        assertThat(payload.get("client").asText()).isEqualTo("RPC");
        assertThat(payload.get("ver").asText()).isEqualTo("16.1.25");
        assertThat(payload.get("build").asText()).isEqualTo("2049");
        assertThat(payload.get("uuid").asText()).hasSize(36).isEqualTo(device.uuid().toString());
        assertThat(payload.get("currentMode").asInt()).isZero();
        assertThat(payload.get("fqdn").asText()).isEqualTo("lab.outband.test");
        String lsaUser = payload.get("username").asText();
        String lsaPassword = payload.get("password").asText();
        assertThat(lsaPassword).isNotEmpty();
        assertThat(payload.get("certHashes").isNull()).isTrue();
        assertThat(payload.get("ipConfiguration").fieldNames()).toIterable().containsExactlyInAnyOrder("dhcp",
                "static", "ipsync", "ipAddress", "netmask", "gateway", "primaryDns", "secondaryDns");
        String uuid = payload.get("uuid").asText();

        rps.send("heartbeat_request", "heartbeat", "", "");
        JsonNode heartbeat = rps.next();
        assertThat(heartbeat.get("method").asText()).isEqualTo("heartbeat_response");
        assertThat(heartbeat.get("status").asText()).isEqualTo("success");

        RpsPlayer.HttpReply general = rps.wsman(lsaUser, lsaPassword, uuid, rps.get(GENERAL));
        assertThat(general.status()).isEqualTo(200);
        assertThat(general.header("Transfer-Encoding")).isEqualTo("chunked");
        String realm = general.text("DigestRealm");
        assertThat(realm).matches("Digest:[0-9A-F]{32}");

        RpsPlayer.HttpReply setup = rps.wsman(lsaUser, lsaPassword, uuid, rps.invoke(HBS, "Setup",
                "<h:NetAdminPassEncryptionType>2</h:NetAdminPassEncryptionType><h:NetworkAdminPassword>"
                        + RpsPlayer.md5("admin:" + realm + ":" + PASSWORD) + "</h:NetworkAdminPassword>"));
        assertThat(setup.text("ReturnValue")).isEqualTo("0");

        RpsPlayer.HttpReply mode = rps.wsman("admin", PASSWORD, uuid, rps.get(HBS));
        assertThat(mode.text("CurrentControlMode")).isEqualTo("1");

        rps.send("success", "success", "{\"Status\":\"Client control mode.\",\"Network\":\"Wired Network Configured\","
                + "\"CIRAConnection\":\"Configured\"}", null);
        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.outcome()).isEqualTo(ActivationResult.Outcome.SUCCESS);
        assertThat(done.status().status()).isEqualTo("Client control mode.");
        assertThat(done.line()).isEqualTo(
                "sim-7: success - Client control mode.; network: Wired Network Configured; CIRA: Configured");
        assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.CLIENT);
    }

    /**
     * rps' admin-control steps (activation.ts): GeneralSettings, HostBasedSetupService for the nonce, the chain leaf
     * to root with IsLeaf/IsRoot, AdminSetup signed over ConfigurationNonce || McNonce, then SetMEBxPassword as
     * admin; the chain is the test's own (BouncyCastle) and the device trusts its root as a MEBx-added hash.
     */
    @Test
    void anAdminControlActivationWithTheTestsChainRunsThroughTheClient() throws Exception {
        ProvisioningCertificates.Chain chain = ProvisioningCertificates.chain("prov.lab.outband.test", true);
        device.provisioning().trust(chain.root());
        Future<ActivationResult> result = run(ActivationSettings.defaults(), labCa(),
                ActivationClient.Command.activate("lab-acm"));
        JsonNode payload = payload(rps.next());
        assertThat(payload.get("certHashes")).hasSize(1);
        assertThat(payload.get("certHashes").get(0).asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain.root().getEncoded())));
        String uuid = payload.get("uuid").asText();
        String user = payload.get("username").asText();
        String lsa = payload.get("password").asText();

        String realm = rps.wsman(user, lsa, uuid, rps.get(GENERAL)).text("DigestRealm");
        byte[] nonce = Base64.getDecoder().decode(rps.wsman(user, lsa, uuid, rps.get(HBS)).text("ConfigurationNonce"));
        List<String> certs = chain.base64();
        for (int i = 0; i < certs.size(); i++) {
            RpsPlayer.HttpReply added = rps.wsman(user, lsa, uuid, rps.invoke(HBS, "AddNextCertInChain",
                    "<h:NextCertificate>" + certs.get(i) + "</h:NextCertificate><h:IsLeafCertificate>" + (i == 0)
                            + "</h:IsLeafCertificate><h:IsRootCertificate>" + (i == certs.size() - 1)
                            + "</h:IsRootCertificate>"));
            assertThat(added.text("ReturnValue")).isEqualTo("0");
        }
        byte[] mcNonce = new byte[20];
        new SecureRandom().nextBytes(mcNonce);
        RpsPlayer.HttpReply adminSetup = rps.wsman(user, lsa, uuid, rps.invoke(HBS, "AdminSetup",
                "<h:NetAdminPassEncryptionType>2</h:NetAdminPassEncryptionType><h:NetworkAdminPassword>"
                        + RpsPlayer.md5("admin:" + realm + ":" + PASSWORD) + "</h:NetworkAdminPassword><h:McNonce>"
                        + Base64.getEncoder().encodeToString(mcNonce) + "</h:McNonce><h:SigningAlgorithm>2"
                        + "</h:SigningAlgorithm><h:DigitalSignature>" + chain.sign(nonce, mcNonce)
                        + "</h:DigitalSignature>"));
        assertThat(adminSetup.text("ReturnValue")).isEqualTo("0");
        RpsPlayer.HttpReply mebx = rps.wsman("admin", PASSWORD, uuid, rps.invoke(SETUP_CONFIG, "SetMEBxPassword",
                "<h:Password>Mebx-Pass1!</h:Password>"));
        assertThat(mebx.text("ReturnValue")).isEqualTo("0");
        rps.send("success", "success", "{\"Status\":\"Activated to admin control mode.\"}", null);

        assertThat(result.get(20, TimeUnit.SECONDS).line()).isEqualTo("sim-7: success - Activated to admin control mode.");
        assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.ADMIN);
    }

    @Test
    void deactivateSendsThePasswordAsRpcGoDoesAndTheDeviceReturnsToPreProvisioning() throws Exception {
        String realm = device.digestRealm();
        assertThat(device.provisioning().setup(2, RpsPlayer.md5("admin:" + realm + ":" + PASSWORD))).isZero();

        Future<ActivationResult> result = run(ActivationSettings.defaults(),
                ServerTrust.pinned(rps.fingerprint(), rps.uri()), ActivationClient.Command.deactivate(PASSWORD, false));
        JsonNode first = rps.next();
        assertThat(first.get("method").asText()).isEqualTo("deactivate --password " + PASSWORD);
        JsonNode payload = payload(first);
        assertThat(payload.get("currentMode").asInt()).isEqualTo(1);
        assertThat(payload.get("password").asText()).isEqualTo(PASSWORD);

        RpsPlayer.HttpReply unprovision = rps.wsman("admin", PASSWORD, payload.get("uuid").asText(),
                rps.invoke(SETUP_CONFIG, "Unprovision", "<h:ProvisioningMode>1</h:ProvisioningMode>"));
        assertThat(unprovision.status()).isEqualTo(200);
        assertThat(unprovision.text("ReturnValue")).isEqualTo("0");
        rps.send("success", "success", "{\"Status\":\"Deactivated\"}", null);

        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.line()).isEqualTo("sim-7: success - Deactivated");
        assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);
    }

    @Test
    void tenDevicesActivateAtOnceThroughOneClientEachOnItsOwnWebsocket() throws Exception {
        int count = 10;
        try (DeviceFleet fleet = DeviceFleet.start(count, 0, "admin", "P@ssw0rd!", null, Duration.ofMillis(100),
                        i -> true);
                RpsPlayer crowd = new RpsPlayer(count);
                ActivationClient client = new ActivationClient(ActivationSettings.defaults(),
                        ServerTrust.pinned(crowd.fingerprint(), crowd.uri()), null, null)) {
            List<Future<ActivationResult>> runs = new ArrayList<>();
            for (DeviceFleet.Member m : fleet.members()) {
                runs.add(pool.submit(() -> client.run(m.device(),
                        new InetSocketAddress("127.0.0.1", m.ports().httpPort()), crowd.uri(),
                        ActivationClient.Command.activate("lab-ccm"))));
            }
            List<Future<?>> servers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RpsPlayer.Session session = crowd.accept();
                servers.add(pool.submit(() -> {
                    session.activateClientControl(session.next(), PASSWORD);
                    return null;
                }));
            }
            for (Future<?> server : servers) {
                server.get(40, TimeUnit.SECONDS);
            }
            for (Future<ActivationResult> run : runs) {
                assertThat(run.get(40, TimeUnit.SECONDS).outcome()).isEqualTo(ActivationResult.Outcome.SUCCESS);
            }
            for (DeviceFleet.Member m : fleet.members()) {
                RawWsman admin = new RawWsman(DeviceEndpoint.http("127.0.0.1", m.ports().httpPort(),
                        new DigestCredentials("admin", PASSWORD)));
                assertThat(RawWsman.text(admin.get(Reference.of("IPS_HostBasedSetupService")), "CurrentControlMode"))
                        .isEqualTo("1");
            }
        }
    }

    @Test
    void theServersErrorEndsTheRunWithItsWords() throws Exception {
        Future<ActivationResult> result = run(ActivationSettings.defaults(), labCa(),
                ActivationClient.Command.activate("nope"));
        String uuid = payload(rps.next()).get("uuid").asText();
        String words = "Device " + uuid + " activation failed. nope does not match list of available AMT profiles.";
        rps.send("error", "failed", words, null);

        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.outcome()).isEqualTo(ActivationResult.Outcome.SERVER_ERROR);
        assertThat(done.message()).isEqualTo(words);
        assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);
    }

    @Test
    void aDeviceThatCannotBeReachedEndsTheSessionSayingSo() throws Exception {
        Future<ActivationResult> result = run(ActivationSettings.defaults(), labCa(),
                ActivationClient.Command.activate("lab-ccm"));
        String uuid = payload(rps.next()).get("uuid").asText();
        ports.close();
        rps.send("wsman", "ok", "", Base64.getEncoder().encodeToString(("POST /wsman HTTP/1.1\r\nHost: " + uuid
                + ":16992\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)));

        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.outcome()).isEqualTo(ActivationResult.Outcome.FAILED);
        assertThat(done.message()).startsWith("the device's WS-Man port: ");
    }

    @Test
    void aMessageThatIsNotJsonEndsTheSessionSayingSo() throws Exception {
        Future<ActivationResult> result = run(ActivationSettings.defaults(), labCa(),
                ActivationClient.Command.activate("lab-ccm"));
        rps.next();
        rps.sendRaw("{not json");

        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.outcome()).isEqualTo(ActivationResult.Outcome.FAILED);
        assertThat(done.message()).startsWith("the server sent not a JSON activation message");
    }

    @Test
    void aMessageOverTheLimitIsRefusedBeforeItIsKept() throws Exception {
        Future<ActivationResult> result = run(ActivationSettings.defaults().withMaxMessageBytes(4096), labCa(),
                ActivationClient.Command.activate("lab-ccm"));
        rps.next();
        rps.send("wsman", "ok", "", "A".repeat(8000));

        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.outcome()).isEqualTo(ActivationResult.Outcome.FAILED);
        assertThat(done.message()).isEqualTo("the server sent a message over the 4096-byte limit");
    }

    @Test
    void aSilentServerMeetsTheDeadline() throws Exception {
        Future<ActivationResult> result = run(ActivationSettings.defaults().withServerWait(Duration.ofSeconds(1)),
                labCa(), ActivationClient.Command.activate("lab-ccm"));
        rps.next();

        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.outcome()).isEqualTo(ActivationResult.Outcome.FAILED);
        assertThat(done.message()).isEqualTo("no message from the server within 1 s");
    }

    @Test
    void aServerWithAnotherCertificateIsNotTalkedTo() throws Exception {
        Future<ActivationResult> result = run(ActivationSettings.defaults(),
                ServerTrust.pinned("00".repeat(32), rps.uri()), ActivationClient.Command.activate("lab-ccm"));

        ActivationResult done = result.get(20, TimeUnit.SECONDS);
        assertThat(done.outcome()).isEqualTo(ActivationResult.Outcome.FAILED);
        assertThat(done.message()).startsWith("cannot open " + rps.uri());
        assertThat(rps.silentFor(200)).isTrue();
        assertThat(device.provisioning().controlMode()).isEqualTo(Provisioning.NOT_PROVISIONED);
    }
}
