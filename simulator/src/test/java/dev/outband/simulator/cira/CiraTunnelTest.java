package dev.outband.simulator.cira;

import static dev.outband.simulator.cira.CiraTestLab.ECHO_PORT;
import static dev.outband.simulator.cira.CiraTestLab.WSMAN_PORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.ca.LabCertificateAuthority;
import dev.outband.cira.channel.ApfChannel;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEvents;
import dev.outband.cira.listener.CiraCredentialCheck;
import dev.outband.cira.listener.CiraDevice;
import dev.outband.cira.listener.CiraListener;
import dev.outband.cira.listener.DeviceSnapshot;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The listener and simulated devices over real TLS on loopback: handshake, keep-alive, tunnels. */
@Timeout(60)
class CiraTunnelTest {
    private final List<CiraEvent> events = new CopyOnWriteArrayList<>();
    private CiraListener listener;
    private CiraEvents.Subscription subscription;
    private final List<CiraClient> clients = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startListener() throws Exception {
        listener = CiraTestLab.startListener(CiraTestLab.settings().withChannels(16, 4096));
        subscription = listener.subscribe(events::add);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (CiraClient client : clients) {
            client.close();
        }
        subscription.close();
        listener.close();
    }

    private CiraClient connect(DeviceUuid uuid) throws Exception {
        CiraClient client = CiraTestLab.connect(listener, uuid);
        clients.add(client);
        return client;
    }

    private CiraDevice device(DeviceUuid uuid) {
        return listener.device(uuid).orElseThrow();
    }

    @Test
    void aDeviceAuthenticatesForwardsItsPortsAndIsListed() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();

        connect(uuid);

        assertThat(listener.connectedDevices()).singleElement().satisfies(snapshot -> {
            assertThat(snapshot.uuid()).isEqualTo(uuid);
            assertThat(snapshot.forwardedPorts()).containsExactlyInAnyOrder(WSMAN_PORT, ECHO_PORT);
            assertThat(snapshot.remoteAddress().toString()).contains("127.0.0.1");
        });
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(CiraEvent.Connected.class));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CiraEvent.Authenticated.class,
                a -> assertThat(a.device()).isEqualTo(uuid)));
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CiraEvent.PortsForwarded.class,
                p -> assertThat(p.ports()).hasSize(2)));
    }

    @Test
    void keepAlivesAtTheNegotiatedIntervalAreAnsweredAndRecorded() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        connect(uuid);

        Thread.sleep(2_500);

        DeviceSnapshot snapshot = device(uuid).snapshot().orElseThrow();
        assertThat(snapshot.lastKeepAlive()).isNotNull().isAfter(snapshot.connectedSince());
        assertThat(events.stream().filter(CiraEvent.KeepAlive.class::isInstance).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anHttpRequestThroughTheDevicesSocketFactoryReachesItsHandler() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        connect(uuid);

        String body = CiraTestLab.get(device(uuid).socketFactory(), "/wsman");

        assertThat(body).isEqualTo("you sent GET /wsman HTTP/1.1");
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CiraEvent.ChannelOpened.class,
                o -> assertThat(o.port()).isEqualTo(WSMAN_PORT)));
    }

    @Test
    void okHttpReachesTheDeviceThroughItsSocketFactory() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        connect(uuid);
        OkHttpClient http = new OkHttpClient.Builder().socketFactory(device(uuid).socketFactory())
                .readTimeout(Duration.ofSeconds(10)).build();

        try {
            for (int i = 0; i < 3; i++) {
                try (Response response = http.newCall(new Request.Builder()
                        .url("http://127.0.0.1:" + WSMAN_PORT + "/wsman/" + i).build()).execute()) {
                    assertThat(response.code()).isEqualTo(200);
                    assertThat(response.body().string()).isEqualTo("you sent GET /wsman/" + i + " HTTP/1.1");
                }
            }
        } finally {
            http.connectionPool().evictAll();
            http.dispatcher().executorService().shutdown();
        }
    }

    @Test
    void anUnconnectedSocketConnectsTheWayOkHttpDoesIt() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        connect(uuid);
        SocketFactory factory = device(uuid).socketFactory();

        try (Socket socket = factory.createSocket()) {
            socket.setSoTimeout(5_000);
            socket.connect(new InetSocketAddress("127.0.0.1", ECHO_PORT), 5_000);
            socket.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));

            assertThat(new String(socket.getInputStream().readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("ping");
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void severalChannelsToOneDeviceWorkAtOnce() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        connect(uuid);
        SocketFactory factory = device(uuid).socketFactory();

        List<CompletableFuture<String>> answers = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return CiraTestLab.get(factory, "/" + i);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).toList();

        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("you sent GET /" + i + " HTTP/1.1");
        }
    }

    @Test
    void tenMegabytesCrossOneChannelBothWaysThroughFourKibibyteWindows() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        CiraClient client = CiraClient.start(CiraTestLab.device(listener, uuid, CiraTestLab.PASSWORD)
                .withChannelWindow(4096));
        clients.add(client);
        assertThat(client.awaitForwarding(Duration.ofSeconds(20))).isTrue();
        byte[] payload = new byte[10 * 1024 * 1024];
        new Random(42).nextBytes(payload);

        try (ApfChannel channel = device(uuid).openChannel(ECHO_PORT)) {
            assertThat(channel.receiveWindow()).isEqualTo(4096);
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> digestOf(channel.input(),
                    payload.length));
            OutputStream out = channel.output();
            for (int offset = 0; offset < payload.length; offset += 64 * 1024) {
                out.write(payload, offset, Math.min(64 * 1024, payload.length - offset));
            }

            assertThat(received.get(45, TimeUnit.SECONDS))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(payload));
        }
    }

    private static byte[] digestOf(InputStream in, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            int total = 0;
            while (total < length) {
                int n = in.read(buffer, 0, Math.min(buffer.length, length - total));
                if (n < 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                total += n;
            }
            return digest.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void channelsAreOnlyOpenedToPortsTheDeviceForwarded() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        connect(uuid);

        assertThatThrownBy(() -> device(uuid).openChannel(22)).hasMessageContaining("does not forward port 22");
    }

    @Test
    void aCancelledForwardIsNoLongerReachable() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.authenticateAndForward(uuid, WSMAN_PORT);
            assertThat(device(uuid).snapshot().orElseThrow().forwardedPorts()).containsExactly(WSMAN_PORT);

            peer.request(new ApfMessage.GlobalRequest(ApfMessage.CANCEL_TCPIP_FORWARD, true, "", WSMAN_PORT));

            assertThat(peer.next(Duration.ofSeconds(5))).isEqualTo(new ApfMessage.RequestSuccess(OptionalLong.empty()));
            assertThat(device(uuid).snapshot().orElseThrow().forwardedPorts()).isEmpty();
            assertThatThrownBy(() -> device(uuid).openChannel(WSMAN_PORT)).hasMessageContaining("does not forward");
        }
    }

    @Test
    void aReconnectingDeviceReplacesItsOldSession() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        CiraClient first = CiraClient.start(CiraTestLab.device(listener, uuid, CiraTestLab.PASSWORD)
                .withReconnect(Duration.ofMinutes(5), Duration.ofMinutes(5)));
        clients.add(first);
        assertThat(first.awaitForwarding(Duration.ofSeconds(20))).isTrue();

        connect(uuid);

        waitUntil(() -> first.lastDisconnectReason() == DisconnectReason.BY_APPLICATION);
        assertThat(listener.connectedDevices()).hasSize(1);
        assertThat(CiraTestLab.get(device(uuid).socketFactory(), "/after")).isEqualTo("you sent GET /after HTTP/1.1");
    }

    @Test
    void aDeviceThatStopsSaysGoodbyeAndLeavesTheList() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        CiraClient client = connect(uuid);

        client.close();

        waitUntil(() -> listener.connectedDevices().isEmpty());
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(CiraEvent.Disconnected.class, d -> {
            assertThat(d.device()).isEqualTo(uuid);
            assertThat(d.reason()).isEqualTo(DisconnectReason.BY_APPLICATION);
        }));
        assertThat(client.isForwarding()).isFalse();
        assertThat(client.connectionCount()).isEqualTo(1);
    }

    @Test
    void theListenerPresentsItsLabCaCertificateAndDevicesTrustingTheRootConnect(@TempDir Path folder)
            throws Exception {
        LabCertificateAuthority ca = LabCertificateAuthority.create(folder, "secret".toCharArray(), "Lab CA");
        DeviceUuid uuid = CiraTestLab.randomUuid();
        try (CiraListener labListener = CiraListener.start(CiraTestLab.settings(),
                ca.issueListenerIdentity("laptop", List.of("127.0.0.1")),
                CiraCredentialCheck.labWide(CiraTestLab.USER, CiraTestLab.PASSWORD))) {
            CiraClientSettings settings = CiraTestLab.device(labListener, uuid, CiraTestLab.PASSWORD);
            CiraClient client = CiraClient.start(new CiraClientSettings(settings.host(), settings.port(), uuid,
                    settings.user(), settings.password(), settings.handlers(), settings.forwards(),
                    CiraTestLab.trusting(ca.rootCertificate()),
                    settings.keepAliveInterval(), settings.reconnectMin(), settings.reconnectMax(),
                    settings.channelWindow()));
            clients.add(client);

            assertThat(client.awaitForwarding(Duration.ofSeconds(20))).isTrue();
            assertThat(CiraTestLab.get(labListener.socketFactory(uuid), "/ca")).isEqualTo("you sent GET /ca HTTP/1.1");
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(20);
        }
    }
}
