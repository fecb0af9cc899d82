package dev.outband.kvm.rfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A hostile or broken server ends the session with a clear reason: never a hang or an OutOfMemoryError. */
@Timeout(20)
class CorruptStreamTest {

    private static byte[] update(int x, int y, int w, int h, int encoding, int... body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(RfbCodec.encode(new ServerMessage.FramebufferUpdate(1)));
        out.writeBytes(RfbCodec.encode(new RectHeader(x, y, w, h, encoding)));
        for (int b : body) {
            out.write(b);
        }
        return out.toByteArray();
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("a rectangle outside the framebuffer", update(60, 0, 10, 10, 0), "lies outside the 64x64"),
                Arguments.of("a ZRLE length of 0xFFFFFFFF", update(0, 0, 8, 8, 16, 0xFF, 0xFF, 0xFF, 0xFF),
                        "ZRLE zlib chunk length 4294967295 exceeds"),
                Arguments.of("an RRE count of 0xFFFFFFFF", update(0, 0, 8, 8, 2, 0xFF, 0xFF, 0xFF, 0xFF),
                        "RRE subrectangle count 4294967295 exceeds"),
                Arguments.of("a bad Hextile subencoding", update(0, 0, 8, 8, 5, 0xFF), "bad Hextile subencoding"),
                Arguments.of("a CopyRect from outside", update(0, 0, 8, 8, 1, 0, 100, 0, 0), "CopyRect source"),
                Arguments.of("an encoding we did not ask for", update(0, 0, 8, 8, 7), "TIGHT, which we did not ask for"),
                Arguments.of("a desktop resize to 65535x65535", update(0, 0, 65535, 65535, -223),
                        "framebuffer width 65535 exceeds"),
                Arguments.of("a cut text of 0xFFFFFFFF bytes", new byte[] {3, 0, 0, 0, -1, -1, -1, -1},
                        "server cut text length 4294967295 exceeds"),
                Arguments.of("an unknown message type", new byte[] {0x77}, "unknown server message type 119"));
    }

    @ParameterizedTest(name = "{0} fails the session")
    @MethodSource("corruptions")
    void aCorruptUpdateFailsTheSessionWithAClearReason(String what, byte[] script, String reason) throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(64, 64), script, false);
                Socket socket = server.connect();
                RfbSession session = RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                        RfbOptions.vnc(null))) {
            session.start();
            assertThat(session.awaitEnd(Duration.ofSeconds(10))).isTrue();
            assertThat(session.state()).isEqualTo(SessionState.FAILED);
            assertThat(session.reason()).contains(reason);
        }
    }

    @Test
    void anAbsurdServerInitSizeIsRefusedDuringTheHandshake() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(65535, 65535), new byte[0], false);
                Socket socket = server.connect()) {
            assertThatThrownBy(() -> RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                    RfbOptions.vnc(null)))
                    .isInstanceOf(RfbProtocolException.class).hasMessageContaining("framebuffer width 65535 exceeds");
        }
    }

    @Test
    void aDesktopNameLengthOf0xFFFFFFFFIsRefusedDuringTheHandshake() throws Exception {
        byte[] init = ScriptedServer.serverInit(64, 64);
        byte[] bad = java.util.Arrays.copyOf(init, 24);
        java.util.Arrays.fill(bad, 20, 24, (byte) 0xFF);
        try (ScriptedServer server = new ScriptedServer(bad, new byte[0], false); Socket socket = server.connect()) {
            assertThatThrownBy(() -> RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                    RfbOptions.vnc(null)))
                    .isInstanceOf(RfbProtocolException.class).hasMessageContaining("desktop name length 4294967295");
        }
    }

    @Test
    void aServerThatHangsUpBetweenMessagesIsReportedAsClosedByTheDevice() throws Exception {
        try (ScriptedServer server = new ScriptedServer(ScriptedServer.serverInit(64, 64), new byte[] {2}, true);
                Socket socket = server.connect();
                RfbSession session = RfbSession.open(socket.getInputStream(), socket.getOutputStream(), socket,
                        RfbOptions.vnc(null))) {
            session.start();
            assertThat(session.awaitEnd(Duration.ofSeconds(10))).isTrue();
            assertThat(session.state()).isEqualTo(SessionState.CLOSED_BY_DEVICE);
        }
    }
}
