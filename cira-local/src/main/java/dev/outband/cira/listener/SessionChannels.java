package dev.outband.cira.listener;

import dev.outband.cira.apf.ApfLimits;
import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.ChannelOpen;
import dev.outband.cira.apf.ApfMessage.ChannelOpenConfirmation;
import dev.outband.cira.apf.ApfMessage.ChannelOpenFailure;
import dev.outband.cira.apf.ChannelOpenFailureReason;
import dev.outband.cira.channel.ApfChannel;
import dev.outband.cira.channel.ApfSender;
import dev.outband.cira.channel.ChannelTable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The listener's side of a device's channels: opening them and routing their messages. */
final class SessionChannels {
    private static final String LISTENER_ORIGIN = "127.0.0.1";

    private final ChannelTable table;
    private final Map<Long, CompletableFuture<ApfChannel>> pendingOpens = new ConcurrentHashMap<>();
    private final ApfSender sender;
    private final int window;
    private final int maxChunk;
    private final Duration creditTimeout;
    private final Consumer<ApfChannel> onOpened;
    private final Consumer<ApfChannel> onEnd;

    SessionChannels(ListenerSettings settings, ApfSender sender, Consumer<ApfChannel> onOpened,
                    Consumer<ApfChannel> onEnd) {
        this.table = new ChannelTable(settings.maxChannelsPerDevice());
        this.sender = sender;
        this.window = settings.channelWindow();
        ApfLimits limits = settings.limits();
        this.maxChunk = Math.min(limits.maxChannelData(), settings.channelWindow());
        this.creditTimeout = settings.peerLimits().creditTimeout();
        this.onOpened = onOpened;
        this.onEnd = onEnd;
    }

    int openCount() {
        return table.size();
    }

    /** Sends CHANNEL_OPEN to {@code port} and waits for the device's answer. */
    ApfChannel open(int port, Duration timeout) throws IOException {
        ApfChannel channel = table.open(id -> new ApfChannel(id, port, window, maxChunk, creditTimeout, sender,
                this::ended))
                .orElseThrow(() -> new IOException("too many open channels to this device"));
        CompletableFuture<ApfChannel> answer = new CompletableFuture<>();
        pendingOpens.put(channel.localId(), answer);
        try {
            sender.send(new ChannelOpen(ApfMessage.FORWARDED_TCPIP, channel.localId(), window, ApfMessage.UNLIMITED,
                    LISTENER_ORIGIN, port, LISTENER_ORIGIN, 0));
            ApfChannel open = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            onOpened.accept(open);
            return open;
        } catch (TimeoutException e) {
            channel.abort("no answer to CHANNEL_OPEN");
            throw new SocketTimeoutException("device did not answer CHANNEL_OPEN to port " + port + " within " + timeout);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.abort("interrupted");
            throw new InterruptedIOException("interrupted while opening a channel");
        } catch (IOException e) {
            channel.abort(e.getMessage());
            throw e;
        } finally {
            pendingOpens.remove(channel.localId());
        }
    }

    void onConfirmation(ChannelOpenConfirmation confirmation) {
        CompletableFuture<ApfChannel> pending = pendingOpens.get(confirmation.recipientChannel());
        table.get(confirmation.recipientChannel()).ifPresent(channel -> {
            channel.connect(confirmation.senderChannel(), confirmation.window());
            if (pending != null) {
                pending.complete(channel);
            }
        });
    }

    void onFailure(ChannelOpenFailure failure) {
        CompletableFuture<ApfChannel> pending = pendingOpens.get(failure.recipientChannel());
        table.get(failure.recipientChannel()).ifPresent(channel -> {
            channel.abort("refused");
            if (pending != null) {
                pending.completeExceptionally(new IOException("device refused a channel to port " + channel.targetPort()
                        + ": " + ChannelOpenFailureReason.describe(failure.reasonCode())));
            }
        });
    }

    ChannelTable table() {
        return table;
    }

    void abortAll(String reason) {
        pendingOpens.values().forEach(p -> p.completeExceptionally(new IOException(reason)));
        table.abortAll(reason);
    }

    private void ended(ApfChannel channel) {
        table.remove(channel);
        if (channel.remoteId() >= 0) {
            onEnd.accept(channel);
        }
    }
}
