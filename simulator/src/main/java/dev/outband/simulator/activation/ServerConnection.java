package dev.outband.simulator.activation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The websocket to the activation server: whole text messages in, each within the size limit, one at a time
 * (the next is asked for only once this one is taken); every wait has its deadline.
 */
final class ServerConnection implements AutoCloseable {
    /** What the server did next. */
    sealed interface Event {
        record Text(String text) implements Event {
        }

        record Closed(int code, String reason) implements Event {
        }

        record Failed(String why) implements Event {
        }
    }

    private final WebSocket socket;
    private final ActivationSettings settings;
    private final BlockingQueue<Event> events;

    private ServerConnection(WebSocket socket, ActivationSettings settings, BlockingQueue<Event> events) {
        this.socket = socket;
        this.settings = settings;
        this.events = events;
    }

    static ServerConnection open(HttpClient http, URI server, ActivationSettings settings) throws IOException {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        try {
            WebSocket socket = http.newWebSocketBuilder().connectTimeout(settings.connectTimeout())
                    .buildAsync(server, new Listener(events, settings.maxMessageBytes()))
                    .get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new ServerConnection(socket, settings, events);
        } catch (ExecutionException e) {
            throw new IOException("cannot open " + server + ": " + rootMessage(e), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no websocket to " + server + " within " + settings.connectTimeout().toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + server, e);
        }
    }

    void send(ActivationMessage message) throws IOException {
        String text = ActivationCodec.encode(message);
        if (text.getBytes(StandardCharsets.UTF_8).length > settings.maxMessageBytes()) {
            throw new IOException("a " + message.method() + " message over the " + settings.maxMessageBytes()
                    + "-byte limit");
        }
        try {
            socket.sendText(text, true).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("sending to the server failed: " + rootMessage(e), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the server took no message within " + settings.sendTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending", e);
        }
    }

    /** The server's next message, its close or a failure; empty-handed after {@code wait}. */
    Event next(Duration wait) throws IOException {
        Event event;
        try {
            event = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the server", e);
        }
        if (event == null) {
            throw new IOException("no message from the server within " + wait.toSeconds() + " s");
        }
        if (event instanceof Event.Text) {
            socket.request(1);
        }
        return event;
    }

    /** A normal close, then the socket is dropped if the server does not finish the closing handshake in time. */
    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(settings.closeWait().toMillis(),
                        TimeUnit.MILLISECONDS);
                events.poll(settings.closeWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // The server is gone or slow: abort below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        socket.abort();
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Joins text parts into messages under the limit; anything else ends the session with its reason. */
    private static final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Event> events;
        private final int limit;
        private final StringBuilder partial = new StringBuilder();
        private long partialBytes;

        Listener(BlockingQueue<Event> events, int limit) {
            this.events = events;
            this.limit = limit;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partialBytes += StandardCharsets.UTF_8.encode(CharBuffer.wrap(data)).remaining();
            if (partialBytes > limit) {
                events.add(new Event.Failed("the server sent a message over the " + limit + "-byte limit"));
                webSocket.abort();
                return null;
            }
            partial.append(data);
            if (last) {
                events.add(new Event.Text(partial.toString()));
                partial.setLength(0);
                partialBytes = 0;
            } else {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            events.add(new Event.Failed("the server sent a binary frame; the protocol has text messages only"));
            webSocket.abort();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new Event.Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add(new Event.Failed("the connection to the server failed: " + rootMessage(error)));
        }
    }
}
