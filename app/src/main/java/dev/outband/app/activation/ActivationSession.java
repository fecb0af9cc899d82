package dev.outband.app.activation;

import dev.outband.app.store.ActivationProfile;
import dev.outband.wsman.http.DigestCredentials;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's websocket: the first message (API key, activate or deactivate, the device's facts) starts the flow
 * on its own virtual thread; then each WS-Man request goes out as {@code wsman} and waits, within the reply
 * deadline, for the client's {@code response}. The session ends with {@code success} or {@code error}, as rps ends
 * it. Public only because Jetty calls the listener methods reflectively.
 */
public final class ActivationSession implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(ActivationSession.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** AMT's own WS-Man port, named in the Host header as rps names it. */
    private static final int AMT_HTTP_PORT = 16992;

    private final long id;
    private final ActivationServer.Shared shared;
    private final String urlKey;
    private final String remoteHost;
    private final BlockingQueue<RpsMessage> replies = new ArrayBlockingQueue<>(2);
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Instant opened;
    private volatile Session session;
    private volatile Thread worker;
    private volatile boolean awaitingReply;
    private volatile String uuid = "";
    private volatile String hostname = "";
    private volatile String profile = "";
    private volatile String step = "connected";

    ActivationSession(long id, ActivationServer.Shared shared, String urlKey, String remoteHost) {
        this.id = id;
        this.shared = shared;
        this.urlKey = urlKey;
        this.remoteHost = remoteHost;
        this.opened = shared.context().clock().instant();
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        shared.timer().schedule(() -> {
            if (!started.get()) {
                end(StatusCode.POLICY_VIOLATION, "no first message within "
                        + shared.settings().firstMessageTimeout().toSeconds() + " s", true);
            }
        }, shared.settings().firstMessageTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onWebSocketText(String text) {
        RpsMessage message;
        try {
            message = RpsMessage.parse(text);
        } catch (RpsMessage.Malformed e) {
            fail(e.getMessage());
            return;
        }
        if (started.compareAndSet(false, true)) {
            begin(message);
            return;
        }
        switch (message.method()) {
            case "response" -> {
                if (!awaitingReply || !replies.offer(message)) {
                    fail("the client sent a response nobody asked for");
                }
            }
            case "heartbeat_response" -> {
                // rpc-go answers heartbeats; nothing to do.
            }
            default -> fail("Device " + uuid + " Not a supported method received from AMT device: " + message.method());
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        callback.succeed();
        fail("the activation protocol uses text frames only");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        clientGone("closed " + statusCode);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        clientGone(String.valueOf(cause.getMessage()));
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(StatusCode.SERVER_ERROR, "websocket error", Callback.NOOP);
        }
    }

    /** The client left before the end: the device stays as far as it got, which a next attempt starts from. */
    private void clientGone(String how) {
        if (ended.compareAndSet(false, true)) {
            LOG.info("Activation session {} ({}): the client left at '{}' ({})", id, uuid, step, how);
            report(ActivationProgress.State.FAILED, "the client disconnected at: " + step);
            stopWorker();
        }
    }

    private void begin(RpsMessage first) {
        if (!keyAccepted(first.apiKey())) {
            fail("wrong or missing API key: add ?key=<the server's API key> to the URL the client connects to");
            return;
        }
        if (first.protocolVersion() != null && !first.protocolVersion().isEmpty()
                && !RpsMessage.PROTOCOL_VERSION.equals(first.protocolVersion())) {
            fail("protocol version NOT supported: " + first.protocolVersion());
            return;
        }
        FirstMessage wants;
        DeviceInfo info;
        try {
            wants = FirstMessage.parse(first.method());
            info = DeviceInfo.parse(first.payloadBytes());
        } catch (RpsMessage.Malformed e) {
            fail(e.getMessage());
            return;
        }
        uuid = info.uuid();
        hostname = info.hostname() == null ? "" : info.hostname();
        profile = wants.profile() == null ? "" : wants.profile();
        if (!shared.sessions().tryAcquire()) {
            fail("the activation server is busy with " + shared.settings().maxSessions()
                    + " devices: try again in a minute");
            return;
        }
        worker = Thread.ofVirtual().name("activation-" + id).start(() -> {
            try {
                run(wants, info);
            } finally {
                shared.sessions().release();
            }
        });
    }

    private void run(FirstMessage wants, DeviceInfo info) {
        try {
            // An activated device is told so before anything else; otherwise, as rps, no password no session.
            boolean activated = info.currentMode() != 0 && wants.kind() == FirstMessage.Kind.ACTIVATE;
            DigestCredentials credentials = info.credentials().orElse(null);
            if (credentials == null && !activated) {
                throw new ActivationFailure("Device " + info.uuid() + (wants.kind() == FirstMessage.Kind.ACTIVATE
                        ? " activation" : " deactivation") + " failed. Missing password.");
            }
            RelayTransport transport = new RelayTransport(this::exchange, info.uuid() + ":" + AMT_HTTP_PORT,
                    credentials, shared.settings().maxReplyBytes());
            Map<String, String> status;
            if (wants.kind() == FirstMessage.Kind.ACTIVATE) {
                ActivationProfile chosen = shared.context().store().profiles().findByName(wants.profile())
                        .orElseThrow(() -> new ActivationFailure("Device " + info.uuid() + " activation failed. "
                                + wants.profile() + " does not match list of available AMT profiles."));
                status = new Activation(shared.context(), shared.settings().callHomeWait(), this::step).run(info, chosen, transport, remoteHost);
            } else {
                status = new Deactivation(shared.context().store(), shared.context().deactivated(), this::step)
                        .throughClient(info, wants.force(), transport);
            }
            String json = JSON.writeValueAsString(status);
            report(ActivationProgress.State.DONE, String.join(" ", status.values()));
            try {
                send(RpsMessage.success(json));
            } catch (IOException late) {
                // The device is set up and stored: a client that closes as soon as it reads "success" (rpc-go does)
                // can make the send's acknowledgement fail; that does not undo the activation.
                LOG.info("Activation session {} ({}): the client left as the result was sent: {}", id, uuid,
                        late.getMessage());
            }
            end(StatusCode.NORMAL, "done", false);
        } catch (ActivationFailure e) {
            fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("the activation server stopped at: " + step);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Activation session {} ({}) failed at '{}'", id, uuid, step, e);
            fail(step + ": " + e.getMessage());
        }
    }

    /** One WS-Man exchange through the client, within the reply deadline and the session's own. */
    private byte[] exchange(byte[] request) throws IOException {
        Instant now = shared.context().clock().instant();
        Instant sessionEnd = opened.plus(shared.settings().sessionDeadline());
        if (now.isAfter(sessionEnd)) {
            throw new SocketTimeoutException("the session took longer than "
                    + shared.settings().sessionDeadline().toMinutes() + " min");
        }
        long wait = Math.min(shared.settings().replyTimeout().toMillis(),
                sessionEnd.toEpochMilli() - now.toEpochMilli());
        replies.clear();
        awaitingReply = true;
        try {
            send(RpsMessage.wsman(request));
            RpsMessage reply = replies.poll(wait, TimeUnit.MILLISECONDS);
            if (reply == null) {
                if (ended.get()) {
                    throw new IOException("the client disconnected");
                }
                throw new SocketTimeoutException("the client relayed no answer from the device within "
                        + wait / 1000 + " s");
            }
            return reply.payloadBytes();
        } catch (RpsMessage.Malformed e) {
            throw new IOException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(ended.get() ? "the client disconnected" : "stopped");
        } finally {
            awaitingReply = false;
        }
    }

    private void step(String now) {
        step = now;
        report(ActivationProgress.State.RUNNING, "");
    }

    private void fail(String message) {
        if (ended.get()) {
            return;
        }
        LOG.info("Activation session {} ({}) failed at '{}': {}", id, uuid, step, message);
        report(ActivationProgress.State.FAILED, message);
        try {
            send(RpsMessage.error(JSON.writeValueAsString(Map.of("Status", message))));
        } catch (IOException e) {
            LOG.debug("The error did not reach the client: {}", e.getMessage());
        }
        end(StatusCode.NORMAL, "failed", false);
    }

    private void send(RpsMessage message) throws IOException {
        Session s = session;
        if (s == null || !s.isOpen()) {
            throw new IOException("the client disconnected");
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        s.sendText(message.toJson(), Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        try {
            sent.get(shared.settings().replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SocketTimeoutException("the client took no message for "
                    + shared.settings().replyTimeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException("sending to the client failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("stopped");
        }
    }

    private boolean keyAccepted(String messageKey) {
        byte[] expected = shared.apiKey();
        if (expected == null) {
            return true;
        }
        return same(urlKey, expected) || same(messageKey, expected);
    }

    private static boolean same(String given, byte[] expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected);
    }

    private void report(ActivationProgress.State state, String message) {
        shared.listener().changed(new ActivationProgress(id, uuid, hostname, profile, step, state, message, opened));
    }

    private void end(int status, String reason, boolean report) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (report) {
            LOG.info("Activation session {} ended: {}", id, reason);
            this.report(ActivationProgress.State.FAILED, reason);
        }
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(status, reason, Callback.NOOP);
        }
        if (Thread.currentThread() != worker) {
            stopWorker();
        }
    }

    private void stopWorker() {
        Thread w = worker;
        if (w != null) {
            w.interrupt();
        }
    }
}
