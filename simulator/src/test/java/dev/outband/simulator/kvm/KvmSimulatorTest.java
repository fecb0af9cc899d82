package dev.outband.simulator.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.rfb.decode.PixelReader;
import dev.outband.kvm.rfb.encode.PixelPacker;
import dev.outband.kvm.session.AmtColourMode;
import dev.outband.kvm.session.AmtKvmConnector;
import dev.outband.kvm.session.FrameGrabber;
import dev.outband.kvm.session.VncConnector;
import dev.outband.simulator.net.LoopbackAcceptor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console's KVM client against the simulator's redirection and RFB servers over real sockets. */
@Timeout(30)
class KvmSimulatorTest {
    private static final InstantSource FIXED = InstantSource.fixed(Instant.parse("2026-11-23T08:00:00Z"));
    private static final char[] PASSWORD = "P@ssw0rd".toCharArray();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RedirectionServer device(ScreenMode mode, boolean storedBlocks) {
        return new RedirectionServer("admin", PASSWORD, "Digest:ABCD", new RfbServer(RfbServer.Flavour.AMT, 320, 200,
                () -> mode, FIXED, storedBlocks));
    }

    private static RfbSession connect(LoopbackAcceptor acceptor, char[] password, AmtColourMode mode) throws Exception {
        return AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", acceptor.port(),
                new AmtCredentials("admin", password), mode, false, WAIT);
    }

    /** What the viewer must show: the simulator's screen, quantised through the pixel format. */
    private static void assertShows(Framebuffer fb, int[] screen, PixelFormat format) {
        PixelPacker packer = new PixelPacker(format);
        PixelReader reader = new PixelReader(format);
        int mismatches = 0;
        for (int i = 0; i < screen.length; i++) {
            if (fb.pixels()[i] != reader.toArgb(packer.value(screen[i]))) {
                mismatches++;
            }
        }
        assertThat(mismatches).as("pixels differing from the simulator's screen").isZero();
    }

    @ParameterizedTest(name = "AMT KVM in {0} shows the simulator's desktop exactly")
    @EnumSource(value = AmtColourMode.class, names = {"AUTO", "RGB332", "GREY8", "GREY4"})
    void amtKvmShowsTheSimulatorsDesktop(AmtColourMode mode) throws Exception {
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("kvm", 0, device(ScreenMode.ON, false));
                RfbSession session = connect(acceptor, PASSWORD, mode)) {
            assertThat(session.serverInit().name()).isEqualTo(RfbServer.AMT_NAME);
            Framebuffer fb = FrameGrabber.grab(session, WAIT);
            PixelFormat format = mode.formatFor(session.serverInit());
            assertShows(fb, new SyntheticScreen(320, 200).render(new ScreenState(ScreenMode.ON,
                    FIXED.instant().getEpochSecond(), 0, 0, 0, "")), format);
        }
    }

    @Test
    void storedDeflateBlocksInOneZlibStreamDecodeTheBiosScreen() throws Exception {
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("kvm", 0, device(ScreenMode.BOOTING, true));
                RfbSession session = connect(acceptor, PASSWORD, AmtColourMode.RGB565)) {
            Framebuffer fb = FrameGrabber.grab(session, WAIT);
            assertShows(fb, new SyntheticScreen(320, 200).render(new ScreenState(ScreenMode.BOOTING,
                    FIXED.instant().getEpochSecond(), 0, 0, 0, "")), PixelFormat.RGB565);
        }
    }

    @Test
    void theAmtScreenshotCommandSavesTheDevicesScreen(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path pw = java.nio.file.Files.writeString(dir.resolve("pw"), new String(PASSWORD) + "\n");
        java.nio.file.Path png = dir.resolve("kvm.png");
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("kvm", 0, device(ScreenMode.BOOTING, false))) {
            int rc = new picocli.CommandLine(new dev.outband.kvm.cli.AmtScreenshotCommand()).execute("--host",
                    "127.0.0.1", "--port", String.valueOf(acceptor.port()), "--password-file", pw.toString(),
                    "--out", png.toString());
            assertThat(rc).isZero();
        }
        java.awt.image.BufferedImage shot = javax.imageio.ImageIO.read(png.toFile());
        Framebuffer fb = new Framebuffer(shot.getWidth(), shot.getHeight());
        shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), fb.pixels(), 0, shot.getWidth());
        assertShows(fb, new SyntheticScreen(320, 200).render(new ScreenState(ScreenMode.BOOTING,
                FIXED.instant().getEpochSecond(), 0, 0, 0, "")), PixelFormat.RGB565);
    }

    @Test
    void aWrongPasswordIsReportedAsACredentialError() throws Exception {
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("kvm", 0, device(ScreenMode.ON, false))) {
            assertThatThrownBy(() -> connect(acceptor, "wrong".toCharArray(), AmtColourMode.AUTO))
                    .isInstanceOf(RedirectionException.class)
                    .hasMessage("Error validating management credentials");
        }
    }

    @Test
    void aSecondKvmSessionIsRefusedAsBusy() throws Exception {
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("kvm", 0, device(ScreenMode.ON, false));
                RfbSession first = connect(acceptor, PASSWORD, AmtColourMode.AUTO)) {
            assertThat(first.state()).isNotNull();
            assertThatThrownBy(() -> connect(acceptor, PASSWORD, AmtColourMode.AUTO))
                    .isInstanceOf(RedirectionException.class)
                    .hasMessage("another KVM session is open on this device");
        }
    }

    @Test
    void aDeviceWithKvmDisabledIsReportedAsSuch() throws Exception {
        RedirectionServer disabled = new RedirectionServer("admin", PASSWORD, "Digest:ABCD",
                RfbServer.amt(() -> ScreenMode.ON), () -> false, SessionGate.OPEN);
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("kvm", 0, disabled)) {
            assertThatThrownBy(() -> connect(acceptor, PASSWORD, AmtColourMode.AUTO))
                    .isInstanceOf(RedirectionException.class)
                    .hasMessage("KVM is disabled on this device");
        }
    }

    @ParameterizedTest(name = "plain RFB server with {0} at 32 bpp shows the desktop exactly")
    @EnumSource(value = Encoding.class, names = {"TRLE", "ZRLE", "RAW"})
    void plainRfbServerEncodingsDecodeExactly(Encoding encoding) throws Exception {
        RfbServer server = new RfbServer(RfbServer.Flavour.STANDARD, 300, 170, () -> ScreenMode.ON, FIXED, false);
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("rfb", 0, server);
                RfbSession session = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", acceptor.port(),
                        RfbOptions.vnc(null).withEncodings(List.of(encoding)), WAIT)) {
            Framebuffer fb = FrameGrabber.grab(session, WAIT);
            assertShows(fb, new SyntheticScreen(300, 170).render(new ScreenState(ScreenMode.ON,
                    FIXED.instant().getEpochSecond(), 0, 0, 0, "")), PixelFormat.RGB888);
        }
    }

    @Test
    void typedKeysAndThePointerAppearOnTheScreen() throws Exception {
        AtomicReference<ScreenMode> mode = new AtomicReference<>(ScreenMode.ON);
        RfbServer server = new RfbServer(RfbServer.Flavour.STANDARD, 320, 200, mode::get, FIXED, false);
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("rfb", 0, server);
                RfbSession session = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", acceptor.port(),
                        RfbOptions.vnc(null), WAIT)) {
            FrameGrabber.grab(session, WAIT);
            for (char c : "Hi".toCharArray()) {
                session.sendKey(true, c);
                session.sendKey(false, c);
            }
            session.sendPointer(1, 150, 20);
            int[] expected = new SyntheticScreen(320, 200).render(new ScreenState(ScreenMode.ON,
                    FIXED.instant().getEpochSecond(), 150, 20, 1, "Hi"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!java.util.Arrays.equals(session.framebuffer().pixels(), expected) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertShows(session.framebuffer(), expected, PixelFormat.RGB888);
        }
    }

    @ParameterizedTest(name = "switching to {0} mid-session keeps the AMT session and shows the desktop in it")
    @EnumSource(value = AmtColourMode.class, names = {"RGB565", "RGB332", "GREY8", "GREY4"})
    void changingColoursMidSessionKeepsReceivingFrames(AmtColourMode next) throws Exception {
        try (LoopbackAcceptor acceptor = LoopbackAcceptor.start("kvm", 0, device(ScreenMode.ON, false));
                RfbSession session = connect(acceptor, PASSWORD, AmtColourMode.RGB565)) {
            FrameGrabber.grab(session, WAIT);
            PixelFormat format = next.formatFor(session.serverInit());
            session.setPixelFormat(format);
            int[] expected = new SyntheticScreen(320, 200).render(new ScreenState(ScreenMode.ON,
                    FIXED.instant().getEpochSecond(), 0, 0, 0, ""));
            PixelPacker packer = new PixelPacker(format);
            PixelReader reader = new PixelReader(format);
            int[] quantised = java.util.Arrays.stream(expected).map(p -> reader.toArgb(packer.value(p))).toArray();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!java.util.Arrays.equals(session.framebuffer().pixels(), quantised)
                    && !session.state().isOver() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(session.state()).as(session.reason()).isEqualTo(dev.outband.kvm.rfb.SessionState.RUNNING);
            assertShows(session.framebuffer(), expected, format);
            long before = session.updatesReceived();
            session.requestFullUpdate();
            while (session.updatesReceived() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(session.updatesReceived()).isGreaterThan(before);
            assertThat(session.state()).as(session.reason()).isEqualTo(dev.outband.kvm.rfb.SessionState.RUNNING);
        }
    }
}
