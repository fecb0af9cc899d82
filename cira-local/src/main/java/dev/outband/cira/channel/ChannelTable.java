package dev.outband.cira.channel;

import dev.outband.cira.apf.ApfMessage.ChannelClose;
import dev.outband.cira.apf.ApfMessage.ChannelData;
import dev.outband.cira.apf.ApfMessage.WindowAdjust;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The open channels of one session by our id, with a cap. Messages for a channel that has just
 * been closed on our side are dropped: they crossed our CLOSE on the wire.
 */
public final class ChannelTable {
    private final Map<Long, ApfChannel> channels = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final int maxChannels;

    public ChannelTable(int maxChannels) {
        this.maxChannels = maxChannels;
    }

    /** Creates and registers a channel with a fresh local id, or empty when the cap is reached. */
    public synchronized Optional<ApfChannel> open(LongFunction<ApfChannel> factory) {
        if (channels.size() >= maxChannels) {
            return Optional.empty();
        }
        long id = nextId.getAndIncrement() & 0x7FFFFFFFL;
        ApfChannel channel = factory.apply(id);
        channels.put(id, channel);
        return Optional.of(channel);
    }

    public void remove(ApfChannel channel) {
        channels.remove(channel.localId(), channel);
    }

    public int size() {
        return channels.size();
    }

    public List<ApfChannel> snapshot() {
        return List.copyOf(channels.values());
    }

    public Optional<ApfChannel> get(long localId) {
        return Optional.ofNullable(channels.get(localId));
    }

    public void onData(ChannelData data) throws IOException {
        ApfChannel channel = channels.get(data.recipientChannel());
        if (channel != null) {
            channel.onData(data);
        }
    }

    public void onWindowAdjust(WindowAdjust adjust) {
        ApfChannel channel = channels.get(adjust.recipientChannel());
        if (channel != null) {
            channel.onWindowAdjust(adjust);
        }
    }

    public void onClose(ChannelClose close) throws IOException {
        ApfChannel channel = channels.get(close.recipientChannel());
        if (channel != null) {
            channel.onClose();
        }
    }

    /** The session ended: every channel fails with {@code reason}. */
    public void abortAll(String reason) {
        for (ApfChannel channel : snapshot()) {
            channel.abort(reason);
        }
    }
}
