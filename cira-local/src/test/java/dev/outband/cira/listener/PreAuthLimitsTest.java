package dev.outband.cira.listener;

import static dev.outband.cira.listener.ApfPeer.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.Disconnect;
import dev.outband.cira.apf.ApfMessage.KeepAliveReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveRequest;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.DisconnectReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Before login a peer may only send the handshake's few small messages: anything else, or more than
 * a few KiB ahead, ends the session at once instead of at the handshake deadline. Byte layouts are
 * APF's as the DMT MPS and MeshCentral read them (type byte, big-endian u32, u32-prefixed strings).
 */
@Timeout(60)
class PreAuthLimitsTest {
    /** Long enough that a drop before it can only come from the buffer limits. */
    private static final Duration LONG_HANDSHAKE = Duration.ofSeconds(20);

    private static ListenerSettings patientSettings() {
        return ApfPeer.settings().withTimeouts(LONG_HANDSHAKE, LONG_HANDSHAKE.plusSeconds(10), Duration.ofSeconds(5));
    }

    /** CHANNEL_DATA (94) to channel 0 announcing {@code length} bytes, followed by {@code sent} of them. */
    static byte[] channelDataStart(int length, int sent) {
        return ByteBuffer.allocate(9 + sent).put((byte) 94).putInt(0).putInt(length).put(new byte[sent]).array();
    }

    @Test
    void channelDataBeforeLoginIsAProtocolErrorAtOnce() throws Exception {
        try (CiraListener listener = ApfPeer.start(patientSettings()); ApfPeer peer = new ApfPeer(listener)) {
            peer.send(new ProtocolVersion(1, 0, 1, ApfPeer.randomUuid()));
            long start = System.nanoTime();
            peer.sendRaw(channelDataStart(1 << 20, 1024));

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.PROTOCOL_ERROR));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LONG_HANDSHAKE);
            assertThat(ApfPeer.within(WAIT, () -> listener.connectionCount() == 0)).isTrue();
        }
    }

    @Test
    void aHandshakeMessageLargerThanTheUnauthenticatedLimitIsCutAfterAFewKib() throws Exception {
        // A USERAUTH_REQUEST (50): user, service, method, u8 0, password, each string a legal 2,000 bytes; 6 KiB sent.
        ByteArrayOutputStream auth = new ByteArrayOutputStream();
        auth.write(50);
        for (int field = 0; field < 4; field++) {
            if (field == 3) {
                auth.write(0);
            }
            auth.write(ByteBuffer.allocate(4).putInt(2000).array());
            auth.write(new byte[2000], 0, 2000);
        }
        byte[] sixKib = Arrays.copyOf(auth.toByteArray(), 6 * 1024);
        try (CiraListener listener = ApfPeer.start(patientSettings()); ApfPeer peer = new ApfPeer(listener)) {
            peer.send(new ProtocolVersion(1, 0, 1, ApfPeer.randomUuid()));
            peer.send(new ApfMessage.ServiceRequest(ApfMessage.AUTH_SERVICE));
            peer.next(WAIT);
            try {
                for (int offset = 0; offset < sixKib.length; offset += 512) {
                    peer.sendRaw(Arrays.copyOfRange(sixKib, offset, offset + 512));
                    Thread.sleep(20);
                }
            } catch (IOException dropped) {
                // The listener hung up mid-trickle, as it should.
            }

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.PROTOCOL_ERROR));
        }
    }

    @Test
    void sessionsTogetherStayWithinTheListenersBufferBudget() throws Exception {
        ListenerSettings settings = patientSettings().withPeerLimits(
                ListenerSettings.defaults().peerLimits().withBufferBudget(512 * 1024));
        try (CiraListener listener = ApfPeer.start(settings);
             ApfPeer first = new ApfPeer(listener);
             ApfPeer second = new ApfPeer(listener)) {
            first.authenticateAndForward(ApfPeer.randomUuid(), 16992);
            second.authenticateAndForward(ApfPeer.randomUuid(), 16992);

            first.send(new KeepAliveRequest(1));
            assertThat(first.next(WAIT)).isEqualTo(new KeepAliveReply(1));
            first.sendRaw(channelDataStart(1 << 20, 300 * 1024));
            Thread.sleep(300);
            second.sendRaw(channelDataStart(1 << 20, 300 * 1024));

            assertThat(second.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.BY_POLICY));
            // The DISCONNECT reaches the peer before the session has left the listener's table.
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (listener.connectedDevices().size() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(listener.connectedDevices()).hasSize(1);
        }
    }

    @Test
    void aPeerAnnouncingAnUnknownTypeFirstIsDroppedBeforeItsVersion() throws Exception {
        try (CiraListener listener = ApfPeer.start(patientSettings()); ApfPeer peer = new ApfPeer(listener)) {
            peer.sendRaw(ApfCodec.encode(new KeepAliveReply(7)));

            assertThat(peer.next(WAIT)).isEqualTo(new Disconnect(DisconnectReason.PROTOCOL_ERROR));
        }
    }
}
