package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.RemoteSource;
import dev.outband.simulator.wsman.DeviceCertificates;
import dev.outband.wsman.tls.Certificates;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What goes wrong with a source becomes one clear message naming it. MPS's error bodies from src/utils/amtHelper.ts. */
@Timeout(30)
class SourceErrorsTest {
    private static final String GUID = MpsShapesTest.GUID;
    private static final String STATE = "/api/v1/amt/power/state/" + GUID;
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
    private ApiServer mps;
    private RemoteSource source;

    @BeforeEach
    void start() throws Exception {
        mps = new ApiServer(clock).start();
        source = Sources.source("lab-mps", mps.url(), ApiServer.PASSWORD);
        mps.json("GET " + STATE, "{\"powerstate\":2,\"OSPowerSavingState\":0}");
    }

    @AfterEach
    void stop() {
        mps.close();
    }

    private RemoteSources sources(RemoteSettings settings, RemoteSource... these) {
        return Sources.of(clock, settings, these);
    }

    private RemoteSources sources() {
        return sources(RemoteSettings.defaults(), source);
    }

    @Test
    void aWrongPasswordSaysSoAndNamesTheSource() {
        RemoteSources wrong = sources(RemoteSettings.defaults(), Sources.source("lab-mps", mps.url(), "not it"));

        assertThatThrownBy(() -> wrong.open(Sources.device("lab-mps", GUID)).powerState())
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.LOGIN_REFUSED))
                .hasMessage("lab-mps: login refused (401): check the user and password of this source")
                .message().doesNotContain("not it");
    }

    @Test
    void aTokenNearItsExpiryIsReplacedBeforeUse() throws Exception {
        mps.tokenLife(Duration.ofMinutes(10));
        RemoteSources sources = sources();
        sources.open(Sources.device("lab-mps", GUID)).powerState();
        clock.advance(Duration.ofMinutes(7));
        sources.open(Sources.device("lab-mps", GUID)).powerState();
        assertThat(mps.logins).as("3 of 10 minutes left: still used").hasValue(1);

        clock.advance(Duration.ofMinutes(2));
        sources.open(Sources.device("lab-mps", GUID)).powerState();

        assertThat(mps.logins).as("1 minute left: logged in again").hasValue(2);
        assertThat(mps.requests(STATE)).hasSize(3).noneMatch(r -> r.getHeaders().get("Authorization") == null);
        assertThat(mps.requests(STATE).get(2).getHeaders().get("Authorization"))
                .isNotEqualTo(mps.requests(STATE).get(0).getHeaders().get("Authorization"));
    }

    @Test
    void aTokenTheServerForgotIsReplacedOnItsFirst401() throws Exception {
        RemoteSources sources = sources();
        sources.open(Sources.device("lab-mps", GUID)).powerState();
        mps.forgetTokens();

        assertThat(sources.open(Sources.device("lab-mps", GUID)).powerState().cimState()).isEqualTo(2);
        assertThat(mps.logins).hasValue(2);
        assertThat(mps.requests(STATE)).hasSize(3);
    }

    @Test
    void a401AfterAFreshLoginIsRetriedOnlyOnce() {
        mps.route("GET " + STATE, r -> ApiServer.reply(401, "{\"message\":\"Unauthorized\"}"));

        assertThatThrownBy(() -> sources().open(Sources.device("lab-mps", GUID)).powerState())
                .isInstanceOf(SourceException.class).hasMessageContaining("lab-mps: the server refuses the token");
        assertThat(mps.requests(STATE)).hasSize(2);
    }

    @Test
    void aDeviceTheServerDoesNotHoldIsNamedAsNotFoundOrNotConnected() {
        assertThatThrownBy(() -> sources().open(Sources.device("lab-mps", "99999999-0000-0000-0000-000000000000")).powerState())
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.NOT_FOUND))
                .hasMessage("lab-mps: lab-mps/99999999-0000-0000-0000-000000000000: device not found or not connected "
                        + "(404: Device not found/connected. Please connect again using CIRA.)");
    }

    @Test
    void aServerErrorCarriesTheServersMessage() {
        // src/routes/amt/getPowerState.ts answers an exception with ErrorResponse(500, POWER_STATE_EXCEPTION).
        mps.route("GET " + STATE, r -> ApiServer.reply(500,
                "{\"error\":\"Internal Server Error\",\"errorDescription\":\"Exception during Power State request\"}"));

        assertThatThrownBy(() -> sources().open(Sources.device("lab-mps", GUID)).powerState())
                .hasMessage("lab-mps: server error 500: Exception during Power State request");
    }

    @Test
    void aReplyThatIsNotJsonIsNamedAsSuch() {
        mps.route("GET " + STATE, r -> new MockResponse.Builder().code(200).body("<html>proxy login</html>").build());

        assertThatThrownBy(() -> sources().open(Sources.device("lab-mps", GUID)).powerState())
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.BAD_REPLY))
                .hasMessageStartingWith("lab-mps: the reply is not JSON");
    }

    @Test
    void aReplyLargerThanTheLimitEndsThatCall() {
        RemoteSettings d = RemoteSettings.defaults();
        RemoteSettings small = new RemoteSettings(d.connectTimeout(), d.callTimeout(), 1024 * 1024, d.pageSize(),
                d.maxDevices(), d.renewBefore(), d.relayOpenTimeout(), d.relayBufferBytes(), d.relaySendQueueBytes(), d.idleConnections());
        mps.route("GET " + STATE, r -> ApiServer.reply(200, "[" + "0,".repeat(600_000) + "0]"));

        assertThatThrownBy(() -> sources(small, source).open(Sources.device("lab-mps", GUID)).powerState())
                .hasMessage("lab-mps: the reply is larger than 1 MiB");
    }

    @Test
    void aSlowReplyEndsAtTheDeadlineWithAMessage() {
        mps.route("GET " + STATE, r -> new MockResponse.Builder().code(200).headersDelay(4, TimeUnit.SECONDS)
                .body("{\"powerstate\":2}").build());
        RemoteSources impatient = sources(RemoteSettings.defaults().withCallTimeout(Duration.ofSeconds(1)), source);

        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.open(Sources.device("lab-mps", GUID)).powerState())
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.TIMEOUT))
                .hasMessage("lab-mps: no reply within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aSourceThatIsDownIsOneErrorNotOnePerDevice() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        RemoteSource down = Sources.source("down", "http://127.0.0.1:" + closed + "/", ApiServer.PASSWORD);
        mps.route("GET /api/v1/devices", r -> ApiServer.reply(200, "{\"data\":[" + MpsShapesTest.mpsDevice(1) + "],\"totalCount\":1}"));
        mps.json("GET /api/v1/devices/stats", "{\"totalCount\":1,\"connectedCount\":1,\"disconnectedCount\":0}");

        List<SourceListing> all = sources(RemoteSettings.defaults(), source, down).listAll(DeviceFilter.ALL);

        assertThat(all).hasSize(2);
        assertThat(all.get(0).ok()).isTrue();
        assertThat(all.get(0).devices()).hasSize(1);
        assertThat(all.get(1).devices()).isEmpty();
        assertThat(all.get(1).error()).isNotNull();
        assertThat(all.get(1).error().kind()).isEqualTo(SourceException.Kind.UNREACHABLE);
        assertThat(all.get(1).error().getMessage()).startsWith("down: cannot reach 127.0.0.1:" + closed);
    }

    @Test
    void anUnknownCertificateIsRefusedWithItsFingerprintThenWorksPinned() throws Exception {
        DeviceCertificates.Issued identity = DeviceCertificates.loopbackDevice();
        mps.close();
        mps = new ApiServer(clock);
        mps.server.useHttps(DeviceCertificates.serverContext(identity).getSocketFactory());
        mps.start();
        mps.json("GET " + STATE, "{\"powerstate\":2,\"OSPowerSavingState\":0}");
        String url = "https://127.0.0.1:" + mps.server.getPort() + "/";
        RemoteSource tls = Sources.source("tls-mps", url, ApiServer.PASSWORD);
        String sha256 = Certificates.sha256(identity.certificate());

        assertThatThrownBy(() -> sources(RemoteSettings.defaults(), tls).open(Sources.device("tls-mps", GUID)).powerState())
                .isInstanceOfSatisfying(SourceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SourceException.Kind.CERTIFICATE);
                    assertThat(e.sha256()).isEqualTo(sha256);
                })
                .hasMessageContaining("tls-mps: the server's certificate is not signed by a trusted root")
                .hasMessageContaining("outband sources pin tls-mps " + sha256);
        assertThat(mps.logins).as("no password sent to an unchecked server").hasValue(0);

        RemoteSource pinned = tls.pinned(sha256);
        assertThat(sources(RemoteSettings.defaults(), pinned).open(Sources.device("tls-mps", GUID)).powerState().cimState())
                .isEqualTo(2);

        RemoteSource otherPin = tls.pinned("00".repeat(32));
        assertThatThrownBy(() -> sources(RemoteSettings.defaults(), otherPin).open(Sources.device("tls-mps", GUID)).powerState())
                .hasMessageContaining("other than the pinned one");
    }
}
