package dev.outband.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.amt.SystemRoots;
import dev.outband.app.store.RemoteSource;
import dev.outband.wsman.amt.HttpClients;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A relay that sends faster than the console reads is held back by TCP, not buffered without end. */
@Timeout(60)
class RelayStreamTest {
    private static final int FRAME = 64 * 1024;
    private static final int FRAMES = 192;
    private static final int BUFFER = 256 * 1024;

    @Test
    void aFastRelayWaitsForTheReaderAndEveryByteArrivesInOrder() throws Exception {
        TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
        AtomicReference<WebSocket> serverSide = new AtomicReference<>();
        CountDownLatch allQueued = new CountDownLatch(1);
        try (ApiServer relay = new ApiServer(clock).start()) {
            relay.route("GET /relay/webrelay.ashx", r -> new MockResponse.Builder().code(101)
                    .webSocketUpgrade(new WebSocketListener() {
                        @Override
                        public void onOpen(WebSocket webSocket, Response response) {
                            serverSide.set(webSocket);
                            Thread.ofVirtual().start(() -> {
                                for (int f = 0; f < FRAMES; f++) {
                                    byte[] frame = new byte[FRAME];
                                    for (int i = 0; i < FRAME; i++) {
                                        frame[i] = (byte) ((f * FRAME + i) % 251);
                                    }
                                    webSocket.send(ByteString.of(frame));
                                }
                                allQueued.countDown();
                            });
                        }
                    }).build());
            RemoteSettings d = RemoteSettings.defaults();
            RemoteSettings settings = new RemoteSettings(d.connectTimeout(), d.callTimeout(), d.maxBodyBytes(),
                    d.pageSize(), d.maxDevices(), d.renewBefore(), d.relayOpenTimeout(), BUFFER, d.relaySendQueueBytes(), d.idleConnections());
            RemoteSource source = Sources.source("lab-mps", relay.url(), ApiServer.PASSWORD);
            ApiClient api = new ApiClient(source, HttpClients.shared(), SystemRoots.get(), settings, clock);

            try (RelayStream stream = RelayStream.open(api, "relay/webrelay.ashx", Map.of(), "token")) {
                assertThat(allQueued.await(20, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(500);
                long total = (long) FRAME * FRAMES;
                assertThat(serverSide.get().queueSize()).as("what the unread console left queued at the relay")
                        .isGreaterThan(total / 2);

                InputStream in = stream.input();
                byte[] chunk = new byte[8192];
                long read = 0;
                while (read < total) {
                    int n = in.read(chunk);
                    assertThat(n).isPositive();
                    for (int i = 0; i < n; i++) {
                        assertThat(chunk[i]).isEqualTo((byte) ((read + i) % 251));
                    }
                    read += n;
                }
                assertThat(stream.frames()).isEqualTo(new RelayFrames(0, FRAMES));
            }
        }
    }
}
