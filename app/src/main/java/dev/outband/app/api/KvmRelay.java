package dev.outband.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KVM relay: websocket messages from the browser to an APF channel into the device, and the device's bytes
 * back. As MPS does (src/utils/wsRedirect.ts hands the channel's "binary" string to ws.send), device bytes go as
 * text frames, each byte one code point, so 0x80 arrives as c2 80; binary frames when the settings ask for them.
 * From the browser both kinds are taken, text ones code point by code point. One device read is in flight at a
 * time and waits for its frame to be sent, so nothing queues without bound. Public only because Jetty calls the
 * listener methods reflectively.
 */
public final class KvmRelay implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(KvmRelay.class);
    /** One read from the device; also the largest frame the relay sends. */
    static final int READ_BYTES = 16 * 1024;

    private final String guid;
    private final Socket device;
    private final RelayInterceptor interceptor;
    private final boolean textFrames;
    private final Duration sendDeadline;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile Session session;

    /** {@code interceptor} is null when the browser authenticates with AMT itself ({@code p=1}). */
    KvmRelay(String guid, Socket device, RelayInterceptor interceptor, boolean textFrames, Duration sendDeadline,
             Runnable onEnd) {
        this.guid = guid;
        this.device = device;
        this.interceptor = interceptor;
        this.textFrames = textFrames;
        this.sendDeadline = sendDeadline;
        this.onEnd = onEnd;
    }

    @Override
    public void onWebSocketOpen(Session opened) {
        session = opened;
        Thread.ofVirtual().name("kvm-relay-" + guid).start(this::pumpFromDevice);
    }

    @Override
    public void onWebSocketText(String message) {
        byte[] bytes = new byte[message.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = message.charAt(i);
            if (c > 0xFF) {
                end(StatusCode.BAD_DATA, "the browser sent a text frame with a character above U+00FF;"
                        + " the relay carries bytes, one per character");
                return;
            }
            bytes[i] = (byte) c;
        }
        toDevice(bytes);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        toDevice(bytes);
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        end(StatusCode.NORMAL, "the browser closed the relay");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        end(StatusCode.SERVER_ERROR, "relay error: " + cause.getMessage());
    }

    private void toDevice(byte[] bytes) {
        try {
            byte[] out = interceptor == null ? bytes : interceptor.browserToDevice(bytes);
            if (out.length > 0) {
                OutputStream stream = device.getOutputStream();
                stream.write(out);
                stream.flush();
            }
        } catch (IOException e) {
            end(StatusCode.SERVER_ERROR, "device " + guid + ": " + e.getMessage());
        }
    }

    private void pumpFromDevice() {
        byte[] buffer = new byte[READ_BYTES];
        try (InputStream in = device.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                byte[] chunk = Arrays.copyOf(buffer, n);
                byte[] out = interceptor == null ? chunk : interceptor.deviceToBrowser(chunk);
                if (out.length > 0) {
                    send(out);
                }
            }
            end(StatusCode.NORMAL, "device " + guid + " ended the session");
        } catch (IOException | TimeoutException e) {
            end(StatusCode.SERVER_ERROR, "device " + guid + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end(StatusCode.SHUTDOWN, "the relay is stopping");
        }
    }

    private void send(byte[] bytes) throws IOException, TimeoutException, InterruptedException {
        Session s = session;
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Callback done = Callback.from(() -> sent.complete(null), sent::completeExceptionally);
        if (textFrames) {
            s.sendText(new String(bytes, StandardCharsets.ISO_8859_1), done);
        } else {
            s.sendBinary(ByteBuffer.wrap(bytes), done);
        }
        try {
            sent.get(sendDeadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("the browser took more than " + sendDeadline.toSeconds()
                    + " s to take a frame");
        } catch (ExecutionException e) {
            throw new IOException("sending to the browser failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void end(int status, String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        LOG.info("KVM relay to {} ended: {}", guid, reason);
        try {
            device.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with it.
        }
        Session s = session;
        if (s != null && s.isOpen()) {
            // A close reason is limited to 123 bytes by RFC 6455.
            s.close(status, reason.length() > 120 ? reason.substring(0, 120) : reason, Callback.NOOP);
        }
        onEnd.run();
    }
}
