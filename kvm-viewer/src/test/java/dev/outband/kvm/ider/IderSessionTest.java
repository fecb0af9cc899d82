package dev.outband.kvm.ider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.kvm.ider.IderMessage.CommandWritten;
import dev.outband.kvm.ider.IderMessage.DataToHost;
import dev.outband.kvm.ider.IderMessage.Features;
import dev.outband.kvm.ider.IderMessage.OpenSession;
import dev.outband.kvm.ider.IderMessage.OpenSessionReply;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's IDE-R session against a scripted device over a loopback socket: a good read, then devices that
 * break the protocol, each ending the session with a message that says what was wrong.
 */
@Timeout(30)
class IderSessionTest {
    private static final IderSettings SETTINGS = IderSettings.defaults().withIdleTimeout(Duration.ofSeconds(2));

    @TempDir
    Path dir;
    private ServerSocket server;
    private Socket console;
    private Socket device;
    private InputStream fromConsole;
    private OutputStream toConsole;
    private final IderCodec codec = new IderCodec(SETTINGS);
    private long deviceSeq;
    private byte[] image;
    private BootMedia cd;

    @BeforeEach
    void connect() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return server.accept();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        console = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
        device = accepted.get(5, TimeUnit.SECONDS);
        device.setSoTimeout(5000);
        fromConsole = device.getInputStream();
        toConsole = device.getOutputStream();
        image = new byte[20 * 2048];
        new Random(5).nextBytes(image);
        cd = BootMedia.open(BootMedia.Kind.CD, Files.write(dir.resolve("x.iso"), image));
    }

    @AfterEach
    void close() throws Exception {
        cd.close();
        console.close();
        device.close();
        server.close();
    }

    private void send(IderMessage m) throws Exception {
        sendNumbered(deviceSeq++, m);
    }

    private void sendNumbered(long seq, IderMessage m) throws Exception {
        toConsole.write(IderCodec.encode(new IderFrame(0, seq, m)));
        toConsole.flush();
    }

    private IderFrame receive() throws Exception {
        return codec.read(fromConsole);
    }

    private static OpenSessionReply reply(int readBuffer) {
        return new OpenSessionReply(1, 0, 16, 1, readBuffer, 8192, 0, 343, new byte[0]);
    }

    /** The console's OpenSession, running until the scripted device answers it. */
    private CompletableFuture<IderSession> opening() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return IderSession.open(console, new AtapiResponder(cd, null), SETTINGS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** OpenSession, the reply, the enable and its reply: the session is running. */
    private Ended openSession(int readBuffer) throws Exception {
        CompletableFuture<IderSession> opening = opening();
        assertThat(receive().message()).isEqualTo(new OpenSession(30000, 0, 20000, 1));
        send(reply(readBuffer));
        IderSession session = opening.get(5, TimeUnit.SECONDS);
        Ended ended = new Ended(session);
        session.start(ended);
        IderFrame enable = receive();
        assertThat(enable.sequence()).isEqualTo(1);
        assertThat(enable.message()).isEqualTo(new Features(false, 3, 0x09));
        send(new Features(true, 3, 1));
        assertThat(ended.attached.await(5, TimeUnit.SECONDS)).isTrue();
        return ended;
    }

    /** Records how the session ended. */
    private static final class Ended implements IderListener {
        final IderSession session;
        final java.util.concurrent.CountDownLatch attached = new java.util.concurrent.CountDownLatch(1);
        final CompletableFuture<String> problem = new CompletableFuture<>();

        Ended(IderSession session) {
            this.session = session;
        }

        @Override
        public void attached() {
            attached.countDown();
        }

        @Override
        public void ended(String why) {
            problem.complete(why == null ? "stopped" : why);
        }

        String await() throws Exception {
            return problem.get(10, TimeUnit.SECONDS);
        }
    }

    private static byte[] read10(long lba, int count) {
        return HexFormat.of().parseHex(String.format("2800%08x00%04x000000", lba, count));
    }

    @Test
    void aReadIsServedInChunksOfTheDevicesBufferWithTheImagesBytes() throws Exception {
        Ended s = openSession(4096);
        send(new CommandWritten(0, 0xFFFF, 0xB0, read10(3, 3)));
        byte[] got = new byte[0];
        boolean last = false;
        int chunks = 0;
        while (!last) {
            IderFrame f = receive();
            DataToHost d = (DataToHost) f.message();
            assertThat(d.data().length).isLessThanOrEqualTo(4096);
            assertThat(f.attributes()).isEqualTo(d.last() ? IderFrame.ATTR_COMPLETED : 0);
            got = concat(got, d.data());
            last = d.last();
            chunks++;
        }
        assertThat(chunks).isEqualTo(2);
        assertThat(got).isEqualTo(Arrays.copyOfRange(image, 3 * 2048, 6 * 2048));
        assertThat(s.session.bytesRead()).isEqualTo(3 * 2048);

        s.session.stop();
        assertThat(receive().message()).isEqualTo(new IderMessage.Close(false));
        assertThat(s.await()).isEqualTo("stopped");
    }

    @Test
    void aPingIsAnsweredAndAResetAcknowledged() throws Exception {
        Ended s = openSession(8192);
        send(new IderMessage.KeepAlive(false));
        assertThat(receive().message()).isEqualTo(new IderMessage.KeepAlive(true));
        send(new IderMessage.ResetOccurred(1));
        assertThat(receive().message()).isEqualTo(new IderMessage.ResetAck());
        s.session.stop();
    }

    @Test
    void aMessageOutOfSequenceEndsTheSession() throws Exception {
        Ended s = openSession(8192);
        sendNumbered(7, new IderMessage.Heartbeat());
        assertThat(s.await()).isEqualTo("IDE-R message out of sequence: number 7 came where 2 was due");
    }

    @Test
    void anUnknownMessageEndsTheSession() throws Exception {
        Ended s = openSession(8192);
        toConsole.write(HexFormat.of().parseHex("7700000002000000"));
        toConsole.flush();
        assertThat(s.await()).isEqualTo("unknown IDE-R message 0x77");
    }

    @Test
    void aMessageOnlyTheConsoleSendsEndsTheSession() throws Exception {
        Ended s = openSession(8192);
        send(new DataToHost(0xB0, false, true, new byte[4]));
        assertThat(s.await()).isEqualTo("unexpected IDE-R message 0x54 from the device");
    }

    @Test
    void aDeviceThatRefusesToEnableTheDrivesEndsTheSession() throws Exception {
        CompletableFuture<IderSession> opening = opening();
        receive();
        send(reply(8192));
        Ended s = new Ended(opening.get(5, TimeUnit.SECONDS));
        s.session.start(s);
        receive();
        send(new Features(true, 3, 0));
        assertThat(s.await()).isEqualTo("the device refused to enable the IDE-R drives (reply 0)");
    }

    @Test
    void aSilentDeviceIsDroppedAfterTheIdleTimeout() throws Exception {
        Ended s = openSession(8192);
        assertThat(s.await()).isEqualTo("the device sent nothing for 2 s");
    }

    @Test
    void theDeviceClosingTheSessionIsSaid() throws Exception {
        Ended s = openSession(8192);
        send(new IderMessage.Close(false));
        assertThat(s.await()).isEqualTo("the device closed the IDE-R session");
    }

    @Test
    void aReadBufferAboveWhatMeshCommanderAcceptsIsRefusedAtOpen() throws Exception {
        CompletableFuture<IderSession> opening = opening();
        receive();
        send(reply(65535));
        assertThatThrownBy(() -> opening.get(5, TimeUnit.SECONDS))
                .hasRootCauseMessage("the device reports an IDE-R buffer of 65535 bytes; 1 to 8192 are valid");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
