package dev.outband.cira.listener;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.ca.LabCertificateAuthority;
import dev.outband.cira.channel.ApfChannel;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided: the listener's session state machine, through a real listener on loopback TLS.
 * Each input is what one device sends: the bytes before the marker {@code OPEN!} first; then, if
 * the device has reached port forwarding, the console opens a channel to a forwarded port and
 * writes to it; then the bytes after the marker. Whatever the device sends, its session ends
 * (DISCONNECT or lost connection) once the device closes, no exception escapes the session's
 * thread, and the listener holds no connection afterwards. Seeds are device streams written from
 * the APF notes (version, auth, pfwd, AMT's seven forwards, keep-alives, channel traffic) with the
 * credentials this test configures: {@code CiraSessionFuzzTestInputs/}.
 */
class CiraSessionFuzzTest {
    private static final String USER = "lab-cira";
    private static final byte[] PASSWORD = "Fuzz-P@ss1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MARKER = "OPEN!".getBytes(StandardCharsets.US_ASCII);
    private static final Duration SESSION_END = Duration.ofSeconds(5);
    /** Loopback sessions take well under this to get through the handshake messages. */
    private static final Duration FORWARDING_WAIT = Duration.ofMillis(200);
    private static final Duration POLL = Duration.ofNanos(200_000);
    private static final int MAX_READS = 100_000;
    /** Jazzer's network sanitizer lets the test reach its own listener and nothing else. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private static final Listener LISTENER = new Listener();

    /** One listener for all inputs: starting TLS servers per input would dwarf the work measured. */
    private static final class Listener {
        final CiraListener listener;
        final SSLContext client;
        final ConcurrentLinkedQueue<CiraEvent> events = new ConcurrentLinkedQueue<>();
        final ConcurrentHashMap<Thread, Throwable> escaped = new ConcurrentHashMap<>();
        final CiraEvents.Subscription subscription;
        final Thread.UncaughtExceptionHandler previousHandler = Thread.getDefaultUncaughtExceptionHandler();

        Listener() {
            try {
                ServerIdentity identity = LabCertificateAuthority.selfSignedIdentity("fuzz", List.of("127.0.0.1"));
                ListenerSettings settings = ListenerSettings.defaults().withPort(0)
                        .withBindAddress(InetAddress.getLoopbackAddress())
                        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(2))
                        .withChannels(4, 4096)
                        // Every input logs in from 127.0.0.1, many with a wrong password: throttling (its own
                        // tests cover it) would slow and then ban every later input.
                        .withThrottle(new ThrottleSettings(Duration.ZERO, Duration.ZERO, Integer.MAX_VALUE,
                                Duration.ZERO, Integer.MAX_VALUE, Duration.ofMinutes(1), 16));
                listener = CiraListener.start(settings, identity, CiraCredentialCheck.labWide(USER, PASSWORD));
                subscription = listener.subscribe(events::add);
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                trust.setCertificateEntry("listener", identity.certificate());
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                client = SSLContext.getInstance("TLS");
                client.init(null, tmf.getTrustManagers(), null);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the listener under test", e);
            }
            // A RuntimeException escaping a session's virtual thread lands here instead of ending the session.
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                escaped.put(thread, e);
                e.printStackTrace();
            });
        }
    }

    @AfterAll
    static void stopListener() {
        LISTENER.subscription.close();
        LISTENER.listener.close();
        Thread.setDefaultUncaughtExceptionHandler(LISTENER.previousHandler);
    }

    @FuzzTest(maxDuration = "5m")
    @Timeout(20)
    void anyDeviceByteStreamEndsItsSessionCleanly(byte[] input) throws Exception {
        int marker = indexOf(input, MARKER);
        int firstEnd = marker < 0 ? input.length : marker;
        int secondStart = marker < 0 ? input.length : marker + MARKER.length;
        LISTENER.events.clear();
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections((host, port) -> LOOPBACK.contains(host));
                SSLSocket device = (SSLSocket) LISTENER.client.getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), LISTENER.listener.port())) {
            device.setSoTimeout((int) SESSION_END.toMillis());
            device.startHandshake();
            SocketAddress seenAs = device.getLocalSocketAddress();
            Drain drain = new Drain(device.getInputStream());
            Thread drainer = Thread.ofVirtual().name("fuzz-device-reader").start(drain);
            OutputStream out = device.getOutputStream();
            send(out, input, 0, firstEnd);
            CompletableFuture<Void> console = marker < 0 ? CompletableFuture.completedFuture(null)
                    : openChannelOnceForwarding(seenAs);
            send(out, input, secondStart, input.length - secondStart);
            // Half-close (TLS 1.3 close_notify): the listener reads everything sent, then the end of the stream.
            device.shutdownOutput();
            assertThat(awaitDisconnected(seenAs)).as("the session ended after the device closed").isTrue();
            // The session's end aborts its channels, so the console is never left waiting.
            console.get(SESSION_END.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(drainer.join(SESSION_END)).as("the device's reader finished").isTrue();
        }
        assertThat(LISTENER.escaped).as("exceptions that escaped a session thread").isEmpty();
        assertThat(LISTENER.listener.connectionCount()).as("connections left open").isZero();
    }

    /**
     * The console's side: once the device forwards a port, open a channel to it (on its own thread, as
     * the console would) and return when the listener has registered that channel, so the device's
     * answer comes after it. Gives up as soon as the session has ended, or after a short wait.
     */
    private static CompletableFuture<Void> openChannelOnceForwarding(SocketAddress device) throws InterruptedException {
        long deadline = System.nanoTime() + FORWARDING_WAIT.toNanos();
        while (System.nanoTime() < deadline && !disconnected(device)) {
            for (DeviceSnapshot connected : LISTENER.listener.connectedDevices()) {
                if (!connected.forwardedPorts().isEmpty()) {
                    int port = connected.forwardedPorts().iterator().next();
                    CompletableFuture<Void> console = CompletableFuture.runAsync(() -> useChannel(connected.uuid(), port),
                            command -> Thread.ofVirtual().name("fuzz-console").start(command));
                    while (!console.isDone() && System.nanoTime() < deadline
                            && LISTENER.listener.connectedDevices().stream().allMatch(d -> d.openChannels() == 0)) {
                        Thread.sleep(POLL);
                    }
                    return console;
                }
            }
            Thread.sleep(POLL);
        }
        return CompletableFuture.completedFuture(null);
    }

    private static void useChannel(DeviceUuid uuid, int port) {
        try (ApfChannel channel = LISTENER.listener.device(uuid).orElseThrow(() -> new IOException("gone"))
                .openChannel(port, Duration.ofMillis(300))) {
            channel.output().write("POST /wsman HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            channel.output().flush();
        } catch (IOException expected) {
            // The device refused, never answered or went away: all legitimate outcomes for the console.
        }
    }

    private static boolean awaitDisconnected(SocketAddress device) throws InterruptedException {
        long deadline = System.nanoTime() + SESSION_END.toNanos();
        while (System.nanoTime() < deadline) {
            if (disconnected(device)) {
                return true;
            }
            Thread.sleep(POLL);
        }
        return false;
    }

    private static boolean disconnected(SocketAddress device) {
        return LISTENER.events.stream().anyMatch(e -> e instanceof CiraEvent.Disconnected d && device.equals(d.remote()));
    }

    private static void send(OutputStream out, byte[] bytes, int offset, int length) {
        try {
            out.write(bytes, offset, length);
            out.flush();
        } catch (IOException listenerClosedFirst) {
            // The listener may drop the device before it has sent everything.
        }
    }

    private static int indexOf(byte[] input, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= input.length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (input[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Reads and discards what the listener sends until the connection closes, so its writes never stall. */
    private record Drain(InputStream in) implements Runnable {
        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int reads = 0;
                while (reads++ < MAX_READS && in.read(buffer) >= 0) {
                    // discarded: only the listener's side is under test
                }
            } catch (IOException closed) {
                // The device side closed its socket or the listener reset it.
            }
        }
    }
}
