package dev.outband.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.remote.ApiServer;
import dev.outband.app.remote.P2Relay;
import dev.outband.app.remote.TestClock;
import dev.outband.simulator.kvm.RedirectionServer;
import dev.outband.simulator.kvm.RfbServer;
import dev.outband.simulator.kvm.ScreenMode;
import dev.outband.simulator.net.LoopbackAcceptor;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outband sources add|list|remove|pin}, and {@code devices list}, {@code power}, {@code info} and
 * {@code kvm screenshot} on a remote source's device, against a server in MPS's shapes (bodies from the
 * public mps src/routes files named in dev.outband.app.remote.MpsShapesTest) and a real H2 store.
 */
@Timeout(60)
class SourcesCommandTest {
    private static final String GUID = "4c4c4544-004b-4210-8033-b6c04f504633";
    private static final String OTHER = "00000000-0000-0000-0000-000000000002";

    @TempDir
    Path home;

    private ApiServer mps;
    private final Map<String, String> env = new HashMap<>();
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws Exception {
        mps = new ApiServer(new TestClock(Instant.now())).start();
        env.put("OUTBAND_HOME", home.toString());
        mps.route("GET /api/v1/devices", r -> ApiServer.reply(200, "{\"data\":[" + device(GUID, "desk-1", "pc-1", true)
                + "," + device(OTHER, "desk-2", "", false) + "],\"totalCount\":2}"));
        mps.json("GET /api/v1/devices/stats", "{\"totalCount\":2,\"connectedCount\":1,\"disconnectedCount\":1}");
        mps.json("GET /api/v1/devices/" + GUID, device(GUID, "desk-1", "pc-1", true));
        mps.json("GET /api/v1/amt/power/state/" + GUID, "{\"powerstate\":8,\"OSPowerSavingState\":0}");
        mps.json("GET /api/v1/amt/power/capabilities/" + GUID, "{\"Power up\":2,\"Power cycle\":5,\"Power down\":8,\"Reset\":10}");
        mps.json("POST /api/v1/amt/power/action/" + GUID, "{\"Body\":{\"ReturnValue\":0,\"ReturnValueStr\":\"SUCCESS\"}}");
        mps.json("GET /api/v1/amt/version/" + GUID, "{\"CIM_SoftwareIdentity\":{\"responses\":[{\"InstanceID\":\"AMT\","
                + "\"VersionString\":\"16.1.25\"}],\"status\":200},\"AMT_SetupAndConfigurationService\":{\"response\":"
                + "{\"ProvisioningMode\":\"4\",\"ProvisioningState\":\"2\"},\"status\":200}}");
        mps.json("GET /api/v1/amt/generalSettings/" + GUID, "{\"Body\":{\"HostName\":\"desk-1\",\"DomainName\":\"lab.example\"}}");
    }

    @AfterEach
    void stop() {
        mps.close();
    }

    private static String device(String guid, String host, String friendly, boolean connected) {
        return "{\"guid\":\"" + guid + "\",\"hostname\":\"" + host + "\",\"friendlyName\":\"" + friendly
                + "\",\"tags\":[\"lab\"],\"connectionStatus\":" + connected + ",\"mpsInstance\":\"mps-1\","
                + "\"lastSeen\":\"2026-12-06T09:30:00.000Z\",\"deviceInfo\":{\"fwVersion\":\"16.1.25\",\"fwBuild\":\"2049\"}}";
    }

    private void addSource() {
        assertThat(run(text(ApiServer.PASSWORD + "\n"), "sources", "add", "lab-mps", "--url", mps.url(), "--user",
                ApiServer.USER, "--password-stdin")).as(err.toString()).isZero();
    }

    @Test
    void sourcesAreAddedListedAndRemovedWithoutShowingTheirPassword() throws Exception {
        addSource();
        assertThat(out.toString()).contains("Added source lab-mps");

        assertThat(run(text(""), "sources", "list", "--check")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("lab-mps").contains(mps.url()).contains(ApiServer.USER)
                .contains("2 devices, 1 connected").doesNotContain(ApiServer.PASSWORD);

        assertThat(run(text(""), "sources", "add", "lab-mps", "--url", mps.url(), "--user", "x", "--password-stdin"))
                .isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("A source named 'lab-mps' exists already");

        assertThat(run(text(""), "sources", "pin", "lab-mps", "AB:".repeat(31) + "AB")).as(err.toString()).isZero();
        assertThat(run(text(""), "sources", "list", "--json")).isZero();
        JsonNode listed = new ObjectMapper().readTree(out.toString()).get(0);
        assertThat(listed.path("trust").asText()).isEqualTo("pinned");
        assertThat(listed.path("pinnedSha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(run(text(""), "sources", "pin", "lab-mps", "abc")).isEqualTo(ExitCode.USER_ERROR);

        assertThat(run(text(""), "sources", "remove", "lab-mps")).isZero();
        assertThat(run(text(""), "sources", "list")).isZero();
        assertThat(out.toString()).doesNotContain("lab-mps");
    }

    @Test
    void thePasswordMayComeFromTheEnvironmentAndAWrongOneIsNamedOnCheck() {
        env.put(SourcesCommands.PASSWORD_ENV, "wrong password");
        assertThat(run(text(""), "sources", "add", "lab-mps", "--url", mps.url(), "--user", ApiServer.USER))
                .as(err.toString()).isZero();

        assertThat(run(text(""), "sources", "list", "--check")).isEqualTo(ExitCode.PARTIAL);
        assertThat(out.toString()).contains("FAILED: lab-mps: login refused (401)").doesNotContain("wrong password");
    }

    @Test
    void aSourceNameWithASlashIsRefused() {
        assertThat(run(text("pw\n"), "sources", "add", "a/b", "--url", mps.url(), "--user", "u", "--password-stdin"))
                .isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("must not be empty nor contain '/'");
    }

    @Test
    void devicesListShowsRemoteDevicesWithSourceAndStatusAndADownSourceOnce() throws Exception {
        addSource();
        assertThat(run(text("pw\n"), "sources", "add", "down", "--url", "http://127.0.0.1:1/", "--user", "u",
                "--password-stdin")).isZero();

        assertThat(run(text(""), "devices", "list")).isEqualTo(ExitCode.PARTIAL);

        assertThat(out.toString()).containsPattern("lab-mps/pc-1 +desk-1 +lab-mps +connected")
                .containsPattern("lab-mps/desk-2 +desk-2 +lab-mps +disconnected");
        assertThat(err.toString().lines().filter(l -> l.contains("down:"))).hasSize(1);
        assertThat(err.toString()).contains("(its devices are not listed)");

        assertThat(run(text(""), "devices", "list", "--json")).isEqualTo(ExitCode.PARTIAL);
        JsonNode rows = new ObjectMapper().readTree(out.toString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).path("source").asText()).isEqualTo("lab-mps");
        assertThat(rows.get(0).path("connected").asBoolean()).isTrue();
        assertThat(rows.get(0).path("id").isNull()).isTrue();
    }

    @Test
    void powerAndInfoWorkOnARemoteDeviceBySourceSlashNameAndByGuid() throws Exception {
        addSource();

        assertThat(run(text(""), "power", "off", "lab-mps/pc-1")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("lab-mps/pc-1").contains("ok: off, now Off - Soft");
        assertThat(ApiServer.body(mps.requests("/api/v1/amt/power/action/" + GUID).getFirst()).path("action").asInt())
                .isEqualTo(8);

        assertThat(run(text(""), "info", GUID, "--json")).as(err.toString()).isZero();
        JsonNode info = new ObjectMapper().readTree(out.toString());
        assertThat(info.path("name").asText()).isEqualTo("lab-mps/pc-1");
        assertThat(info.path("amtVersion").asText()).isEqualTo("16.1.25");
        assertThat(info.path("provisioningMode").asText()).isEqualTo("CLIENT_CONTROL");
        assertThat(info.path("domainName").asText()).isEqualTo("lab.example");
        assertThat(info.path("powerState").asText()).isEqualTo("Off - Soft");

        assertThat(run(text(""), "info", "lab-mps/nobody")).isEqualTo(ExitCode.USER_ERROR);
        assertThat(err.toString()).contains("No device named 'lab-mps/nobody'");
    }

    @Test
    void aScreenshotOfARemoteDeviceComesThroughTheRelay() throws Exception {
        String amtPassword = "Sim-Passw0rd";
        try (LoopbackAcceptor amt = LoopbackAcceptor.start("kvm", 0, new RedirectionServer("admin",
                amtPassword.toCharArray(), "Digest:ABCD", new RfbServer(RfbServer.Flavour.AMT, 320, 200,
                () -> ScreenMode.BOOTING, InstantSource.system(), false)))) {
            // src/routes/amt/getAMTFeatures.ts: no consent needed.
            mps.json("GET /api/v1/amt/features/" + GUID, "{\"userConsent\":\"none\",\"redirection\":true,\"KVM\":true,"
                    + "\"SOL\":false,\"IDER\":false,\"optInState\":0}");
            mps.json("GET /api/v1/authorize/redirection/" + GUID, "{\"token\":\"relay-token\"}");
            P2Relay relay = new P2Relay(amt.port(), "admin", amtPassword, true);
            mps.route("GET /relay/webrelay.ashx", r -> new MockResponse.Builder().code(101)
                    .addHeader("Sec-WebSocket-Protocol", "relay-token").webSocketUpgrade(relay).build());
            addSource();
            Path png = home.resolve("remote.png");

            int exit = run(text(""), "kvm", "screenshot", "lab-mps/pc-1", "--out", png.toString());

            relay.close();
            assertThat(exit).as(err.toString()).isZero();
            assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(320);
            assertThat(out.toString()).contains("320x200 screen of lab-mps/pc-1");
        }
    }

    private int run(InputStream stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Cli.run(args, new CliContext(Map.copyOf(env), stdin, new PrintWriter(out), new PrintWriter(err)));
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
