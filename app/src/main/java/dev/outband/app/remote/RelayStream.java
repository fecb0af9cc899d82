package dev.outband.app.remote;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A relay websocket as a byte stream pair. MPS relays the device's bytes as text frames, one character per
 * byte (Node's 'binary' string sent as UTF-8, so 0x80 arrives as c2 80); DMT Console sends binary frames. Both
 * become the same bytes here; what we send goes as binary frames, which both read byte for byte. Bytes not
 * yet read are bounded: when the buffer is full the listener waits, so OkHttp stops reading the socket and TCP
 * slows the relay down.
 */
final class RelayStream implements Closeable {
    private final ApiClient api;
    private final int bufferLimit;
    private final long sendQueueLimit;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final AtomicLong textFrames = new AtomicLong();
    private final AtomicLong binaryFrames = new AtomicLong();
    private int buffered;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;
    private IOException failure;
    private WebSocket socket;

    private RelayStream(ApiClient api, RemoteSettings settings) {
        this.api = api;
        this.bufferLimit = settings.relayBufferBytes();
        this.sendQueueLimit = settings.relaySendQueueBytes();
    }

    /** Upgrades to the relay at {@code path?query} with the redirection token, within the settings' open timeout. */
    static RelayStream open(ApiClient api, String path, java.util.Map<String, String> query, String token)
            throws IOException {
        RelayStream stream = new RelayStream(api, api.settings());
        stream.socket = api.relay(path, query, token, stream.new Listener());
        try {
            if (!stream.opened.await(api.settings().relayOpenTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                stream.close();
                throw new SourceException(api.name(), SourceException.Kind.TIMEOUT, "the KVM relay did not open within "
                        + api.settings().relayOpenTimeout().toSeconds() + " s", null);
            }
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the KVM relay opened");
        }
        synchronized (stream) {
            if (stream.failure != null) {
                throw stream.failure;
            }
        }
        return stream;
    }

    RelayFrames frames() {
        return new RelayFrames(textFrames.get(), binaryFrames.get());
    }

    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }

            @Override
            public void close() {
                RelayStream.this.close();
            }
        };
    }

    OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                send(ByteString.of(b, off, len));
            }

            @Override
            public void close() {
                RelayStream.this.close();
            }
        };
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == current.length) {
            byte[] next = chunks.poll();
            if (next != null) {
                buffered -= next.length;
                current = next;
                position = 0;
                notifyAll();
            } else if (failure != null) {
                throw failure;
            } else if (ended) {
                return -1;
            } else {
                waitHere();
            }
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Called on OkHttp's reader thread: waits while the buffer is full, which is the backpressure. */
    private synchronized void put(byte[] bytes) {
        while (!ended && buffered > 0 && buffered + bytes.length > bufferLimit) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (!ended) {
            chunks.add(bytes);
            buffered += bytes.length;
            notifyAll();
        }
    }

    private void send(ByteString bytes) throws IOException {
        synchronized (this) {
            // The relay reads slowly: wait for OkHttp's queue to drain instead of queueing without end.
            while (!ended && socket.queueSize() > sendQueueLimit) {
                waitHere(10);
            }
            if (failure != null) {
                throw failure;
            }
            if (ended) {
                throw new IOException(api.name() + ": the KVM relay is closed");
            }
        }
        if (!socket.send(bytes)) {
            throw new IOException(api.name() + ": the KVM relay is closed");
        }
    }

    private void waitHere() throws InterruptedIOException {
        waitHere(0);
    }

    private void waitHere(long millis) throws InterruptedIOException {
        try {
            wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the KVM relay");
        }
    }

    private synchronized void end(IOException why) {
        if (failure == null && why != null && !ended) {
            failure = why;
        }
        ended = true;
        opened.countDown();
        notifyAll();
    }

    @Override
    public void close() {
        end(null);
        if (socket != null) {
            socket.cancel();
        }
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened.countDown();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            textFrames.incrementAndGet();
            byte[] bytes = new byte[text.length()];
            for (int i = 0; i < bytes.length; i++) {
                char c = text.charAt(i);
                if (c > 0xFF) {
                    end(new IOException(api.name() + ": the KVM relay sent a character that is not a byte (U+"
                            + Integer.toHexString(c) + ")"));
                    webSocket.cancel();
                    return;
                }
                bytes[i] = (byte) c;
            }
            put(bytes);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            binaryFrames.incrementAndGet();
            put(bytes.toByteArray());
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            end(null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            end(null);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            end(api.translate(t, response));
        }
    }
}
