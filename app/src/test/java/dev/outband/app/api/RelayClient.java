package dev.outband.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.ByteArrayOutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The browser's side of the relay, with OkHttp's websocket client: text frames are read as one byte per
 * character (what a browser's MeshCommander-style client does with MPS's frames), binary frames as they are.
 * Counts which kind arrived.
 */
final class RelayClient extends WebSocketListener implements AutoCloseable {
    private static final Duration READ_DEADLINE = Duration.ofSeconds(20);
    private static final byte[] END = new byte[0];

    final AtomicInteger textFrames = new AtomicInteger();
    final AtomicInteger binaryFrames = new AtomicInteger();
    final AtomicInteger highCharacters = new AtomicInteger();
    final CompletableFuture<Response> opened = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();
    private final LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    RelayClient(OkHttpClient http, String url, String protocol) {
        Request.Builder request = new Request.Builder().url(url);
        if (protocol != null) {
            request.header("Sec-WebSocket-Protocol", protocol);
        }
        socket = http.newWebSocket(request.build(), this);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        opened.complete(response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        textFrames.incrementAndGet();
        text.chars().filter(c -> c >= 0x80).forEach(c -> highCharacters.incrementAndGet());
        received.add(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        binaryFrames.incrementAndGet();
        received.add(bytes.toByteArray());
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        closed.complete(code + " " + reason);
        received.add(END);
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        opened.completeExceptionally(new IOException(response == null ? t.toString()
                : "HTTP " + response.code(), t));
        closed.complete("failed: " + t);
        received.add(END);
    }

    InputStream input() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                while (at >= current.length) {
                    if (current == END) {
                        return -1;
                    }
                    try {
                        byte[] next = received.poll(READ_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                        if (next == null) {
                            throw new SocketTimeoutException("nothing from the relay for " + READ_DEADLINE);
                        }
                        current = next;
                        at = 0;
                        if (next == END) {
                            return -1;
                        }
                    } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                    }
                }
                int n = Math.min(len, current.length - at);
                System.arraycopy(current, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    /** Each flush sends what was written as one binary frame. */
    OutputStream output() {
        return new ByteArrayOutputStream() {
            @Override
            public synchronized void flush() {
                if (size() > 0) {
                    socket.send(ByteString.of(toByteArray()));
                    reset();
                }
            }
        };
    }

    @Override
    public void close() {
        socket.close(1000, "test done");
    }
}
