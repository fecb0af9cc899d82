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
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;

/**
 * RFB 3.3 (the server picks the security type) and 3.7 (a list, but no security result after None)
 * against x11vnc told to announce exactly that version: the README claims 3.3 to 3.8.
 */
@Timeout(90)
class OlderRfbVersionsTest {
    private static final int W = 200;
    private static final int H = 150;

    @ParameterizedTest(name = "x11vnc announcing RFB {0} is decoded and refuses a wrong password")
    @ValueSource(strings = {"3.3", "3.7"})
    void anOlderServerIsDecodedAndRefusesAWrongPassword(String version) throws Exception {
        try (VncServer server = VncServer.x11vnc(W, H, List.of("-rfbversion", version))) {
            BufferedImage truth = server.drawPatternAndCapture(W, H);
            assertThat(greeting(server.port())).isEqualTo("RFB 00" + version.replace(".", ".00") + "\n");

            RfbOptions options = RfbOptions.vnc(VncServer.PASSWORD.toCharArray())
                    .withPixelFormat(PixelFormat.RGB888).withEncodings(List.of(Encoding.ZRLE, Encoding.RAW));
            try (RfbSession s = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", server.port(), options,
                    Duration.ofSeconds(5))) {
                Framebuffer fb = FrameGrabber.grab(s, Duration.ofSeconds(20));
                assertThat(Images.firstMismatch(fb, truth, 0)).isNull();
            }

            RfbOptions wrong = RfbOptions.vnc("wrong!pw".toCharArray());
            assertThatThrownBy(() -> VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", server.port(), wrong,
                    Duration.ofSeconds(5)).close())
                    .isInstanceOf(RfbAuthenticationException.class)
                    .hasMessageContaining("authentication failed");
        }
    }

    /** The server's own first 12 bytes, to prove it speaks the version asked for. */
    private static String greeting(int port) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }
    }
}
