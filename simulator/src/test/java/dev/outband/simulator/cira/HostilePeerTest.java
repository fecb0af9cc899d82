package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.ChannelData;
import dev.outband.cira.apf.ApfMessage.ChannelOpen;
import dev.outband.cira.apf.ApfMessage.ChannelOpenConfirmation;
import dev.outband.cira.apf.ApfMessage.ChannelOpenFailure;
import dev.outband.cira.apf.ApfMessage.Disconnect;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ChannelOpenFailureReason;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.channel.ApfChannel;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.events.CiraEvents;
import dev.outband.cira.listener.CiraCredentialCheck;
import dev.outband.cira.listener.CiraCredentialCheck.CiraCredential;
import dev.outband.cira.listener.CiraListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Misbehaving peers are dropped with the right DISCONNECT reason and event, while a healthy device
 * on the same listener keeps answering through its tunnel.
 */
@Timeout(60)
class HostilePeerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<CiraEvent> events = new CopyOnWriteArrayList<>();
    private final DeviceUuid healthyUuid = CiraTestLab.randomUuid();
    private CiraListener listener;
    private CiraEvents.Subscription subscription;
    private CiraClient healthy;

    @BeforeEach
    void startListenerWithAHealthyDevice() throws Exception {
        listener = CiraTestLab.startListener(CiraTestLab.settings());
        subscription = listener.subscribe(events::add);
        healthy = CiraTestLab.connect(listener, healthyUuid);
    }

    @AfterEach
    void stop() throws Exception {
        healthy.close();
        subscription.close();
        listener.close();
    }

    private void assertHealthyDeviceStillAnswers() throws IOException {
        assertThat(CiraTestLab.get(listener.socketFactory(healthyUuid), "/still-there"))
                .isEqualTo("you sent GET /still-there HTTP/1.1");
        assertThat(healthy.connectionCount()).as("the healthy device never reconnected").isEqualTo(1);
    }

    private void assertDisconnectedEvent(DisconnectReason reason) throws InterruptedException {
        CiraTunnelTest.waitUntil(() -> events.stream().anyMatch(e -> e instanceof CiraEvent.Disconnected d
                && d.reason() == reason));
    }

    @Test
    void wrongCredentialsAreRefusedWithInvalidCredentials() throws Exception {
        try (CiraClient intruder = CiraClient.start(CiraTestLab.device(listener, CiraTestLab.randomUuid(),
                "wrong".getBytes(StandardCharsets.UTF_8)).withReconnect(Duration.ofMinutes(5), Duration.ofMinutes(5)))) {
            CiraTunnelTest.waitUntil(() -> intruder.lastDisconnectReason() != null);

            assertThat(intruder.lastDisconnectReason()).isEqualTo(DisconnectReason.INVALID_CREDENTIALS);
            assertThat(intruder.isForwarding()).isFalse();
        }
        assertDisconnectedEvent(DisconnectReason.INVALID_CREDENTIALS);
        assertThat(listener.connectedDevices()).extracting(d -> d.uuid()).containsExactly(healthyUuid);
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void anUnknownUuidIsRefusedWhenCredentialsArePerDevice() throws Exception {
        DeviceUuid known = CiraTestLab.randomUuid();
        try (CiraListener strict = CiraListener.start(CiraTestLab.settings(), CiraTestLab.identity(),
                CiraCredentialCheck.perDevice(Map.of(known, new CiraCredential(CiraTestLab.USER, CiraTestLab.PASSWORD))));
             CiraClient stranger = CiraClient.start(CiraTestLab.device(strict, CiraTestLab.randomUuid(),
                     CiraTestLab.PASSWORD).withReconnect(Duration.ofMinutes(5), Duration.ofMinutes(5)));
             CiraClient member = CiraClient.start(CiraTestLab.device(strict, known, CiraTestLab.PASSWORD))) {
            CiraTunnelTest.waitUntil(() -> stranger.lastDisconnectReason() != null);

            assertThat(stranger.lastDisconnectReason()).isEqualTo(DisconnectReason.INVALID_CREDENTIALS);
            assertThat(member.awaitForwarding(WAIT)).isTrue();
            assertThat(strict.connectedDevices()).extracting(d -> d.uuid()).containsExactly(known);
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void garbageBytesEndTheSessionWithProtocolError() throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.sendRaw(new byte[] {(byte) 0x99, 0x13, 0x37, 0x00, 0x42});

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.PROTOCOL_ERROR));
            assertThat(peer.next(WAIT)).isNull();
        }
        assertDisconnectedEvent(DisconnectReason.PROTOCOL_ERROR);
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void aStringLengthOfAllOnesEndsTheSessionWithProtocolError() throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.send(new ProtocolVersion(1, 0, 1, CiraTestLab.randomUuid()));
            peer.sendRaw(new byte[] {5, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 'a'});

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.PROTOCOL_ERROR));
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void aTruncatedMessageRunsIntoTheHandshakeDeadline() throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            byte[] version = ApfCodec.encode(new ProtocolVersion(1, 0, 1, CiraTestLab.randomUuid()));
            peer.sendRaw(Arrays.copyOf(version, 50));

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.CONNECTION_TIMED_OUT));
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void aPeerThatTricklesBytesIsCutOffAtTheHandshakeDeadline() throws Exception {
        Instant start = Instant.now();
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            byte[] version = ApfCodec.encode(new ProtocolVersion(1, 0, 1, CiraTestLab.randomUuid()));
            try {
                // 40 bytes at 10 per second: twice the 2 s deadline, every byte well inside the idle timeout.
                for (int i = 0; i < 40; i++) {
                    peer.sendRaw(new byte[] {version[i]});
                    Thread.sleep(100);
                }
            } catch (IOException dropped) {
                // The listener hung up mid-trickle, as it should.
            }

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.CONNECTION_TIMED_OUT));
        }
        assertDisconnectedEvent(DisconnectReason.CONNECTION_TIMED_OUT);
        CiraEvent dropped = events.stream().filter(e -> e instanceof CiraEvent.Disconnected d
                && d.reason() == DisconnectReason.CONNECTION_TIMED_OUT).findFirst().orElseThrow();
        assertThat(Duration.between(start, dropped.at())).isLessThan(Duration.ofMillis(3_500));
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void anAuthenticatedDeviceThatFallsSilentIsDroppedAtTheIdleTimeout() throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.authenticateAndForward(CiraTestLab.randomUuid(), 16992);

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.CONNECTION_TIMED_OUT));
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void aServiceRequestBeforeTheVersionIsRefused() throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.send(new ServiceRequest(ApfMessage.PFWD_SERVICE));

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.SERVICE_NOT_AVAILABLE));
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void aDeviceInitiatedChannelOpenIsRefusedWithUnknownChannelType() throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.authenticateAndForward(CiraTestLab.randomUuid(), 16992);

            peer.send(new ChannelOpen(ApfMessage.FORWARDED_TCPIP, 5, 4096, ApfMessage.UNLIMITED, "127.0.0.1", 80,
                    "127.0.0.1", 1));

            assertThat(peer.next(WAIT)).isEqualTo(
                    new ChannelOpenFailure(5, ChannelOpenFailureReason.UNKNOWN_CHANNEL_TYPE.code()));
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void aDeviceSendingPastItsChannelWindowIsDroppedWithProtocolError() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.authenticateAndForward(uuid, 16992);
            CompletableFuture<ApfChannel> opening = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.device(uuid).orElseThrow().openChannel(16992);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            ChannelOpen open = (ChannelOpen) peer.next(WAIT);
            peer.send(new ChannelOpenConfirmation(open.senderChannel(), 1, 4096, ApfMessage.UNLIMITED));
            opening.get(10, TimeUnit.SECONDS);

            byte[] half = new byte[(int) open.initialWindow() / 2 + 1];
            peer.send(new ChannelData(open.senderChannel(), half));
            peer.send(new ChannelData(open.senderChannel(), half));

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.PROTOCOL_ERROR));
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void aDeviceThatVanishesMidChannelFailsTheChannelAndReportsTheLoss() throws Exception {
        DeviceUuid uuid = CiraTestLab.randomUuid();
        try (CiraClient flaky = CiraTestLab.connect(listener, uuid)) {
            ApfChannel channel = listener.device(uuid).orElseThrow().openChannel(CiraTestLab.ECHO_PORT);
            channel.output().write(new byte[] {1, 2, 3});
            assertThat(channel.input().readNBytes(3)).containsExactly(1, 2, 3);

            flaky.dropConnection();

            CiraTunnelTest.waitUntil(() -> events.stream().anyMatch(e -> e instanceof CiraEvent.Disconnected d
                    && uuid.equals(d.device()) && d.reason() == DisconnectReason.CONNECTION_LOST));
            assertThatThrownBy(() -> channel.input().read())
                    .isInstanceOf(IOException.class);
            assertThat(flaky.awaitForwarding(WAIT)).as("the device comes back").isTrue();
        }
        assertHealthyDeviceStillAnswers();
    }

    @Test
    void connectionsBeyondTheLimitAreRefusedWithTooManyConnections() throws Exception {
        try (CiraListener tiny = CiraListener.start(CiraTestLab.settings().withMaxConnections(1),
                CiraTestLab.identity(), CiraCredentialCheck.labWide(CiraTestLab.USER, CiraTestLab.PASSWORD));
             CiraClient first = CiraTestLab.connect(tiny, CiraTestLab.randomUuid());
             RawApfPeer second = new RawApfPeer(tiny)) {
            assertThat(second.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.TOO_MANY_CONNECTIONS));
            assertThat(first.isForwarding()).isTrue();
        }
        assertHealthyDeviceStillAnswers();
    }
}
