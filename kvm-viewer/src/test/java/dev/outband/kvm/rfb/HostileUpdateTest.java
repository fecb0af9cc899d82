package dev.outband.kvm.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.session.FrameGrabber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Updates built byte by byte from RFC 6143 (7.6.1, 7.7.1 Raw, 7.7.3 RRE) that cost a server little and a viewer
 * much, or that repeat one rectangle to look like a whole screen.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileUpdateTest {
    private static final int BLACK = 0xFF000000;
    private static final int RED = 0xFFFF0000;

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v >>> 16));
        u16(out, (int) v);
    }

    /** FramebufferUpdate header (type 0, padding, rectangle count). */
    private static void update(ByteArrayOutputStream out, int rects) {
        out.write(0);
        out.write(0);
        u16(out, rects);
    }

    private static void rect(ByteArrayOutputStream out, int x, int y, int w, int h, int encoding) {
        u16(out, x);
        u16(out, y);
        u16(out, w);
        u16(out, h);
        u32(out, encoding);
    }

    /** A 32 bpp little-endian pixel as the RGB888 format of ServerInit lays it out (blue, green, red, pad). */
    private static void pixel(ByteArrayOutputStream out, int rgb) {
        out.write(rgb);
        out.write(rgb >>> 8);
        out.write(rgb >>> 16);
        out.write(0);
    }

    private static void raw(ByteArrayOutputStream out, int x, int y, int w, int h, int rgb) {
        rect(out, x, y, w, h, 0);
        for (int i = 0; i < w * h; i++) {
            pixel(out, rgb);
        }
    }

    @Test
    void aMillionFullSizeRreSubrectanglesFailTheSessionInsteadOfPaintingForHours() throws Exception {
        int side = 1024;
        int subrects = 1_000_000;
        ByteArrayOutputStream script = new ByteArrayOutputStream(subrects * 12 + 64);
        update(script, 1);
        rect(script, 0, 0, side, side, 2);
        u32(script, subrects);
        pixel(script, 0);
        for (int i = 0; i < subrects; i++) {
            pixel(script, i);
            u16(script, 0);
            u16(script, 0);
            u16(script, side);
            u16(script, side);
        }
        long start = System.nanoTime();
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(side, side), script.toByteArray(),
                false);
                Socket socket = server.connect();
                RfbSession session = RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                        RfbOptions.vnc(null))) {
            session.start();
            assertThat(session.awaitEnd(Duration.ofSeconds(20))).isTrue();
            assertThat(session.state()).isEqualTo(SessionState.FAILED);
            assertThat(session.reason()).isEqualTo("one update paints more than 8 times the screen's area"
                    + " (RRE subrectangles); no honest server needs that");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aQuarterSentFourTimesIsNotAFullScreen() throws Exception {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        update(script, 4);
        for (int i = 0; i < 4; i++) {
            raw(script, 0, 0, 32, 32, 0xFF0000);
        }
        assertThatThrownBy(() -> grab(64, 64, script.toByteArray(), Duration.ofSeconds(2)))
                .isInstanceOf(IOException.class)
                .hasMessage("no full screen within 2 s (25 % of it painted)");
    }

    @Test
    void fourOverlappingRectanglesThatTogetherCoverTheScreenAreAFullScreen() throws Exception {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        update(script, 4);
        raw(script, 0, 0, 40, 40, 0xFF0000);
        raw(script, 24, 0, 40, 40, 0xFF0000);
        raw(script, 0, 24, 40, 40, 0xFF0000);
        raw(script, 20, 20, 44, 44, 0xFF0000);
        Framebuffer frame = grab(64, 64, script.toByteArray(), Duration.ofSeconds(10));
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                assertThat(frame.pixel(x, y)).as("pixel %d,%d", x, y).isEqualTo(RED);
            }
        }
    }

    @Test
    void aScreenPaintedAcrossUpdatesIsFullOnceTheLastQuarterCame() throws Exception {
        ByteArrayOutputStream script = new ByteArrayOutputStream();
        for (int q = 0; q < 4; q++) {
            update(script, 2);
            raw(script, 0, 0, 32, 32, 0xFF0000);
            raw(script, q % 2 * 32, q / 2 * 32, 32, 32, q == 3 ? 0 : 0xFF0000);
        }
        Framebuffer frame = grab(64, 64, script.toByteArray(), Duration.ofSeconds(10));
        assertThat(frame.pixel(63, 63)).isEqualTo(BLACK);
        assertThat(frame.pixel(0, 63)).isEqualTo(RED);
    }

    private static Framebuffer grab(int w, int h, byte[] script, Duration timeout) throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(w, h), script, false);
                Socket socket = server.connect();
                RfbSession session = RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                        RfbOptions.vnc(null))) {
            return FrameGrabber.grab(session, timeout);
        }
    }
}
