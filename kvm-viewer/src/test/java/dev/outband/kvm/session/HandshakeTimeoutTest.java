package dev.outband.kvm.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.cli.VncScreenshotCommand;
import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.rfb.RfbOptions;
import dev.outband.kvm.rfb.RfbSettings;
import dev.outband.kvm.testsupport.SilentServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A peer that accepts and then stays silent, or trickles, no longer holds a viewer past its deadline. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandshakeTimeoutTest {
    private static final AmtCredentials ADMIN = new AmtCredentials("admin", "P@ssw0rd".toCharArray());

    @Test
    void aSilentVncServerEndsTheOpenAtTheGivenTimeout() throws Exception {
        try (SilentServer server = SilentServer.silent()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", server.port(),
                    RfbOptions.vnc(null), Duration.ofMillis(1500)))
                    .isInstanceOf(SocketTimeoutException.class)
                    // what was left of the 1.5 s once connected
                    .hasMessageMatching("the VNC server did not complete the RFB handshake within 1\\.[0-5] s");
            assertThat(elapsedSince(start)).isBetween(Duration.ofMillis(1200), Duration.ofSeconds(4));
        }
    }

    @Test
    void aTricklingVncServerEndsAtTheHandshakeDeadlineThoughNoReadTimesOut() throws Exception {
        byte[] version = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
        try (SilentServer server = SilentServer.trickling(version, Duration.ofMillis(400))) {
            RfbOptions options = RfbOptions.vnc(null)
                    .withSettings(RfbSettings.defaults().withHandshakeTimeout(Duration.ofSeconds(2)));
            long start = System.nanoTime();
            assertThatThrownBy(() -> VncConnector.open(SocketFactory.getDefault(), "127.0.0.1", server.port(),
                    options, Duration.ofSeconds(15)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("the VNC server did not complete the RFB handshake within 2 s");
            assertThat(elapsedSince(start)).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(5));
        }
    }

    @Test
    void aSilentAmtRedirectionPortEndsTheKvmOpen() throws Exception {
        try (SilentServer server = SilentServer.silent()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> AmtKvmConnector.open(SocketFactory.getDefault(), "127.0.0.1", server.port(),
                    ADMIN, AmtColourMode.AUTO, false, Duration.ofMillis(1500)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageStartingWith("the device did not complete the KVM handshake within ");
            assertThat(elapsedSince(start)).isBetween(Duration.ofMillis(1200), Duration.ofSeconds(4));
        }
    }

    @Test
    void aPortThatAcceptsButNeverAnswersTheTlsHelloEndsTheKvmOpen() throws Exception {
        SocketFactory tls = new TlsSocketFactory(SocketFactory.getDefault(),
                (SSLSocketFactory) SSLSocketFactory.getDefault());
        try (SilentServer server = SilentServer.silent()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> AmtKvmConnector.open(tls, "127.0.0.1", server.port(), ADMIN, AmtColourMode.AUTO,
                    false, Duration.ofMillis(1500)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessageStartingWith("the device did not complete the KVM handshake within ");
            assertThat(elapsedSince(start)).isBetween(Duration.ofMillis(1200), Duration.ofSeconds(4));
        }
    }

    @Test
    void vncScreenshotHonoursItsTimeoutAgainstASilentServer(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        try (SilentServer server = SilentServer.silent()) {
            long start = System.nanoTime();
            int code = new CommandLine(new VncScreenshotCommand()).setErr(new PrintWriter(err))
                    .execute("--host", "127.0.0.1", "--port", String.valueOf(server.port()), "--out",
                            dir.resolve("shot.png").toString(), "--timeout", "2");
            assertThat(elapsedSince(start)).isBetween(Duration.ofMillis(1800), Duration.ofSeconds(5));
            assertThat(code).isNotZero();
            assertThat(err.toString()).contains("the VNC server did not complete the RFB handshake within");
            assertThat(Files.exists(dir.resolve("shot.png"))).isFalse();
        }
    }

    private static Duration elapsedSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
