package dev.outband.kvm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RfbAuthenticationException;
import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.kvm.testsupport.Images;
import dev.outband.kvm.testsupport.VncServer;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our decoders against TigerVNC's Xvnc and x11vnc, compared with each server's own screenshot. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(90)
class RealVncServerTest {
    private static final int W = 320;
    private static final int H = 240;
    /** 16 bpp big-endian BGR555 and 32 bpp big-endian BGR: odd shifts, maxima and byte order. */
    private static final PixelFormat BGR555_BE = new PixelFormat(16, 15, true, true, 31, 31, 31, 0, 5, 10);
    private static final PixelFormat BGR888_BE = new PixelFormat(32, 24, true, true, 255, 255, 255, 0, 8, 16);

    private VncServer xvnc;
    private VncServer x11vnc;
    private BufferedImage xvncTruth;
    private BufferedImage x11vncTruth;

    @BeforeAll
    void startServers() throws Exception {
        xvnc = VncServer.xvnc(W, H);
        xvncTruth = xvnc.drawPatternAndCapture(W, H);
        x11vnc = VncServer.x11vnc(W, H);
        x11vncTruth = x11vnc.drawPatternAndCapture(W, H);
    }

    @AfterAll
    void stopServers() {
        if (xvnc != null) {
            xvnc.close();
        }
        if (x11vnc != null) {
            x11vnc.close();
        }
    }

    static Stream<Arguments> formatsAndEncodings() {
        List<PixelFormat> formats = List.of(PixelFormat.RGB888, BGR888_BE, PixelFormat.RGB565, BGR555_BE,
                PixelFormat.RGB332);
        List<Encoding> encodings = List.of(Encoding.RAW, Encoding.COPY_RECT, Encoding.RRE, Encoding.HEXTILE,
                Encoding.ZRLE);
        return formats.stream().flatMap(f -> encodings.stream().map(e -> Arguments.of(f, e)));
    }

    @ParameterizedTest(name = "Xvnc screen decoded at {0} with {1} matches the server's screenshot")
    @MethodSource("formatsAndEncodings")
    void xvncScreenMatchesTheServersScreenshot(PixelFormat format, Encoding encoding) throws Exception {
        Framebuffer fb = capture(xvnc, format, encoding);
        assertThat(Images.firstMismatch(fb, xvncTruth, Images.tolerance(format))).isNull();
    }

    /** Fewer cases: x11vnc polls the screen, so each connection costs more than with Xvnc. */
    static Stream<Arguments> x11vncCases() {
        return Stream.of(
                Arguments.of(PixelFormat.RGB888, Encoding.ZRLE), Arguments.of(PixelFormat.RGB888, Encoding.HEXTILE),
                Arguments.of(PixelFormat.RGB888, Encoding.RRE), Arguments.of(BGR888_BE, Encoding.RAW),
                Arguments.of(PixelFormat.RGB565, Encoding.ZRLE), Arguments.of(BGR555_BE, Encoding.HEXTILE),
                Arguments.of(PixelFormat.RGB332, Encoding.ZRLE), Arguments.of(PixelFormat.RGB332, Encoding.RAW));
    }

    @ParameterizedTest(name = "x11vnc screen decoded at {0} with {1} matches the server's screenshot")
    @MethodSource("x11vncCases")
    void x11vncScreenMatchesTheServersScreenshot(PixelFormat format, Encoding encoding) throws Exception {
        Framebuffer fb = capture(x11vnc, format, encoding);
        assertThat(Images.firstMismatch(fb, x11vncTruth, Images.tolerance(format))).isNull();
    }

    @Test
    void coloursChangedMidSessionKeepTheXvncSessionAndRepaintTheScreenInTheNewFormat() throws Exception {
        RfbOptions options = RfbOptions.vnc(VncServer.PASSWORD.toCharArray())
                .withEncodings(List.of(Encoding.ZRLE, Encoding.RAW));
        try (RfbSession s = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", xvnc.port(), options,
                Duration.ofSeconds(5))) {
            FrameGrabber.grab(s, Duration.ofSeconds(20));
            for (PixelFormat next : List.of(PixelFormat.RGB565, PixelFormat.RGB332, PixelFormat.RGB888)) {
                long before = s.updatesReceived();
                s.setPixelFormat(next);
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                String mismatch = "no update in " + next.label();
                while (!s.state().isOver() && System.nanoTime() < deadline) {
                    if (next.equals(s.pixelFormat()) && s.updatesReceived() > before + 1) {
                        mismatch = Images.firstMismatch(s.framebuffer().snapshot(), xvncTruth, Images.tolerance(next));
                        if (mismatch == null) {
                            break;
                        }
                    }
                    Thread.sleep(20);
                }
                assertThat(s.state()).as(s.reason()).isEqualTo(dev.outband.kvm.rfb.SessionState.RUNNING);
                assertThat(mismatch).as(next.label()).isNull();
            }
        }
    }

    @Test
    void aWrongVncPasswordIsRefusedWithAClearMessage() {
        RfbOptions options = RfbOptions.vnc("wrong!pw".toCharArray());
        assertThatThrownBy(() -> VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", xvnc.port(), options,
                Duration.ofSeconds(5)).close())
                .isInstanceOf(RfbAuthenticationException.class)
                .hasMessageContaining("authentication failed");
    }

    @Test
    void theRightVncPasswordOpensASessionWithTheServersScreenSize() throws Exception {
        try (RfbSession s = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", x11vnc.port(),
                RfbOptions.vnc(VncServer.PASSWORD.toCharArray()), Duration.ofSeconds(5))) {
            assertThat(s.serverInit().width()).isEqualTo(W);
            assertThat(s.serverInit().height()).isEqualTo(H);
        }
    }

    @Test
    void theVncScreenshotCommandWritesTheServersScreenAsPng(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path pw = dir.resolve("pw");
        java.nio.file.Files.writeString(pw, VncServer.PASSWORD + "\n");
        java.nio.file.Path png = dir.resolve("shot.png");
        int rc = new picocli.CommandLine(new dev.outband.kvm.cli.VncScreenshotCommand()).execute("--host", "127.0.0.1",
                "--port", String.valueOf(xvnc.port()), "--password-file", pw.toString(), "--out", png.toString());
        assertThat(rc).isZero();
        BufferedImage shot = javax.imageio.ImageIO.read(png.toFile());
        Framebuffer fb = new Framebuffer(shot.getWidth(), shot.getHeight());
        shot.getRGB(0, 0, shot.getWidth(), shot.getHeight(), fb.pixels(), 0, shot.getWidth());
        assertThat(Images.firstMismatch(fb, xvncTruth, 0)).isNull();
    }

    private static Framebuffer capture(VncServer server, PixelFormat format, Encoding encoding) throws Exception {
        List<Encoding> encodings = encoding == Encoding.RAW ? List.of(Encoding.RAW) : List.of(encoding, Encoding.RAW);
        RfbOptions options = RfbOptions.vnc(VncServer.PASSWORD.toCharArray()).withPixelFormat(format)
                .withEncodings(encodings);
        try (RfbSession s = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", server.port(), options,
                Duration.ofSeconds(5))) {
            return FrameGrabber.grab(s, Duration.ofSeconds(20));
        }
    }
}
