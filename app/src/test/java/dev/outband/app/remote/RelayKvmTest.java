package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.app.store.RemoteSource;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.decode.PixelReader;
import dev.outband.kvm.rfb.encode.PixelPacker;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.simulator.kvm.RedirectionServer;
import dev.outband.simulator.kvm.RfbServer;
import dev.outband.simulator.kvm.ScreenMode;
import dev.outband.simulator.kvm.ScreenState;
import dev.outband.simulator.kvm.SyntheticScreen;
import dev.outband.simulator.net.LoopbackAcceptor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * KVM on a remote device: redirection token, relay websocket with the token as subprotocol, p=2 with empty
 * credentials, then the redirection protocol and RFB from the simulator through the relay, with device bytes
 * in text frames as MPS sends them and in binary frames as DMT Console does.
 */
@Timeout(60)
class RelayKvmTest {
    private static final String GUID = MpsShapesTest.GUID;
    private static final InstantSource FIXED = InstantSource.fixed(Instant.parse("2026-11-23T08:00:00Z"));
    private static final String AMT_PASSWORD = "Sim-Passw0rd";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final List<P2Relay> relays = new CopyOnWriteArrayList<>();
    private LoopbackAcceptor amt;
    private ApiServer mps;

    @BeforeEach
    void start() throws Exception {
        amt = LoopbackAcceptor.start("kvm", 0, new RedirectionServer("admin", AMT_PASSWORD.toCharArray(), "Digest:ABCD",
                new RfbServer(RfbServer.Flavour.AMT, 320, 200, () -> ScreenMode.BOOTING, FIXED, false)));
        mps = new ApiServer(clock).start();
        // src/routes/auth/redirection.ts (MPS) / devices.go (Console): {token} for one device's relay.
        mps.json("GET /api/v1/authorize/redirection/" + GUID, "{\"token\":\"relay-token-for-" + GUID + "\"}");
    }

    @AfterEach
    void stop() throws Exception {
        relays.forEach(P2Relay::close);
        mps.close();
        amt.close();
    }

    private void relayWith(boolean textFrames) {
        mps.route("GET /relay/webrelay.ashx", request -> {
            P2Relay relay = new P2Relay(amt.port(), "admin", AMT_PASSWORD, textFrames);
            relays.add(relay);
            return new MockResponse.Builder().code(101)
                    .addHeader("Sec-WebSocket-Protocol", request.getHeaders().get("Sec-WebSocket-Protocol"))
                    .webSocketUpgrade(relay).build();
        });
    }

    @Test
    void aRelayThatRefusesTheUpgradeNamesTheSourceAndTheDevice() {
        // MPS closes the upgrade of a device it has no CIRA connection to; a gateway answers 404.
        mps.route("GET /relay/webrelay.ashx", r -> ApiServer.reply(404,
                "{\"error\":\"Not Found\",\"errorDescription\":\"Device not found/connected. Please connect again using CIRA.\"}"));
        RemoteSource source = Sources.source("lab-mps", mps.url(), ApiServer.PASSWORD);

        assertThatThrownBy(() -> Sources.of(clock, RemoteSettings.defaults(), source)
                .open(Sources.device("lab-mps", GUID)).kvm(WAIT))
                .isInstanceOfSatisfying(SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.NOT_FOUND))
                .hasMessageStartingWith("lab-mps: ").hasMessageContaining("not found or not connected");
    }

    @ParameterizedTest(name = "device bytes in text frames: {0}")
    @ValueSource(booleans = {true, false})
    void theRelayCarriesKvmToTheSimulatorsScreen(boolean textFrames) throws Exception {
        relayWith(textFrames);
        RemoteSource source = Sources.source("lab-mps", mps.url(), ApiServer.PASSWORD);
        RemoteDevice device = (RemoteDevice) Sources.of(clock, RemoteSettings.defaults(), source)
                .open(Sources.device("lab-mps", GUID));

        RemoteDevice.RelayKvm kvm = device.kvmThroughRelay(WAIT);
        try (RfbSession session = kvm.session()) {
            assertThat(session.serverInit().width()).isEqualTo(320);
            assertThat(session.serverInit().height()).isEqualTo(200);
            Framebuffer fb = FrameGrabber.grab(session, WAIT);
            PixelFormat format = AmtColourMode.AUTO.formatFor(session.serverInit());
            int[] screen = new SyntheticScreen(320, 200).render(new ScreenState(ScreenMode.BOOTING,
                    FIXED.instant().getEpochSecond(), 0, 0, 0, ""));
            PixelPacker packer = new PixelPacker(format);
            PixelReader reader = new PixelReader(format);
            int mismatches = 0;
            for (int i = 0; i < screen.length; i++) {
                mismatches += fb.pixels()[i] == reader.toArgb(packer.value(screen[i])) ? 0 : 1;
            }
            assertThat(mismatches).as("pixels differing from the simulator's screen").isZero();
        }
        RecordedRequest upgrade = mps.requests("/relay/webrelay.ashx").getFirst();
        assertThat(upgrade.getHeaders().get("Sec-WebSocket-Protocol")).isEqualTo("relay-token-for-" + GUID);
        assertThat(upgrade.getUrl().queryParameter("p")).isEqualTo("2");
        assertThat(upgrade.getUrl().queryParameter("host")).isEqualTo(GUID);
        assertThat(upgrade.getUrl().queryParameter("port")).isEqualTo("16994");
        assertThat(upgrade.getUrl().queryParameter("mode")).isEqualTo("kvm");
        if (textFrames) {
            assertThat(kvm.frames().text()).as("MPS sends device bytes as text").isPositive();
            assertThat(kvm.frames().binary()).isZero();
        } else {
            assertThat(kvm.frames().binary()).as("Console sends device bytes as binary").isPositive();
            assertThat(kvm.frames().text()).isZero();
        }
    }
}
