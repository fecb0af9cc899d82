package dev.outband.kvm.rfb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.kvm.session.VncConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A pixel format change while an update is already on its way: the server sent it before reading SetPixelFormat,
 * so it is in the old format (RFC 6143 §7.5.1: the new format applies to updates sent after the message).
 * The update bytes are written here by hand from RFC 6143 §7.6.1 and §7.7.1.
 */
@Timeout(30)
class PixelFormatSwitchTest {
    /** Two pixels of pure red at 32 bpp little-endian, red shift 16: 0x00FF0000 each. */
    private static final byte[] RED_888 = {0, 0, (byte) 0xFF, 0, 0, 0, (byte) 0xFF, 0};
    /** Two pixels of pure green at RGB565 little-endian, green max 63 shift 5: 0x07E0 each. */
    private static final byte[] GREEN_565 = {(byte) 0xE0, 0x07, (byte) 0xE0, 0x07};

    @Test
    void anUpdateSentBeforeTheServerReadTheNewFormatIsDecodedInTheOldOneAndLaterOnesInTheNew() throws Exception {
        CountDownLatch firstRequest = new CountDownLatch(1);
        CountDownLatch switchAsked = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<PixelFormat> formatSeen = new CompletableFuture<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    ScriptedServer.handshake(in, out,
                            RfbCodec.encode(new ServerInit(2, 1, PixelFormat.RGB888, "switch")));
                    RfbInput rin = new RfbInput(in);
                    RfbCodec codec = new RfbCodec(RfbSettings.defaults());
                    while (!(codec.readClientMessage(rin) instanceof ClientMessage.FramebufferUpdateRequest)) {
                        // the opening SetPixelFormat and SetEncodings
                    }
                    firstRequest.countDown();
                    switchAsked.await(10, TimeUnit.SECONDS);
                    out.write(update(RED_888));
                    out.flush();
                    PixelFormat asked = null;
                    ClientMessage m;
                    while (!((m = codec.readClientMessage(rin)) instanceof ClientMessage.FramebufferUpdateRequest r)
                            || asked == null || r.incremental()) {
                        if (m instanceof ClientMessage.SetPixelFormat p) {
                            asked = p.format();
                        }
                    }
                    formatSeen.complete(asked);
                    out.write(update(GREEN_565));
                    out.flush();
                    checked.await(10, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    formatSeen.completeExceptionally(e);
                }
            });
            RfbOptions options = RfbOptions.vnc(null).withPixelFormat(PixelFormat.RGB888)
                    .withEncodings(List.of(Encoding.RAW));
            try (RfbSession session = VncConnector.open(SocketFactory.getDefault(), "127.0.0.1",
                    server.getLocalPort(), options, Duration.ofSeconds(5))) {
                session.start();
                assertThat(firstRequest.await(10, TimeUnit.SECONDS)).isTrue();
                session.setPixelFormat(PixelFormat.RGB565);
                switchAsked.countDown();

                assertThat(formatSeen.get(10, TimeUnit.SECONDS)).isEqualTo(PixelFormat.RGB565);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (session.updatesReceived() < 2 && !session.state().isOver() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(session.state()).as(session.reason()).isEqualTo(SessionState.RUNNING);
                assertThat(session.updatesReceived()).isEqualTo(2);
                assertThat(session.framebuffer().pixel(0, 0)).isEqualTo(0xFF00FF00);
                assertThat(session.framebuffer().pixel(1, 0)).isEqualTo(0xFF00FF00);
                assertThat(session.pixelFormat()).isEqualTo(PixelFormat.RGB565);
            } finally {
                checked.countDown();
            }
            peer.join(5000);
        }
    }

    /** FramebufferUpdate with one Raw rectangle covering the 2×1 screen. */
    private static byte[] update(byte[] pixels) {
        byte[] header = {0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0};
        byte[] all = new byte[header.length + pixels.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(pixels, 0, all, header.length, pixels.length);
        return all;
    }
}
