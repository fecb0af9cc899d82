package dev.outband.cira.channel;

import dev.outband.cira.apf.ApfMessage.ChannelClose;
import dev.outband.cira.apf.ApfMessage.ChannelData;
import dev.outband.cira.apf.ApfMessage.WindowAdjust;
import dev.outband.cira.apf.ApfProtocolException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One APF channel seen as a pair of blocking streams with flow control in both directions.
 * The session's reader thread calls the {@code on…} methods; any application thread uses
 * {@link #input()} and {@link #output()}. Used by the listener and by the simulated device alike.
 */
public final class ApfChannel implements Closeable {
    private final long localId;
    private final int targetPort;
    private final LocalWindow localWindow;
    private final int maxChunk;
    private final long creditTimeoutMillis;
    private final ApfSender sender;
    private final Consumer<ApfChannel> onEnd;
    private final ArrayDeque<byte[]> inbound = new ArrayDeque<>();
    private final InputStream input = new ChannelInput();
    private final OutputStream output = new ChannelOutput();

    private volatile long remoteId = -1;
    private volatile RemoteWindow remoteWindow = new RemoteWindow(0);
    private volatile int readTimeoutMillis;
    private int headOffset;
    private boolean closeSent;
    private boolean closeReceived;
    private String failure;
    private boolean ended;

    /**
     * @param maxChunk      largest CHANNEL_DATA payload this side sends
     * @param creditTimeout longest a writer waits for the peer to grant window; then the channel fails
     * @param onEnd         called once when the channel stops being usable (closed by either side or aborted)
     */
    public ApfChannel(long localId, int targetPort, long receiveWindow, int maxChunk, Duration creditTimeout,
                      ApfSender sender, Consumer<ApfChannel> onEnd) {
        this.localId = localId;
        this.targetPort = targetPort;
        this.localWindow = new LocalWindow(receiveWindow);
        this.maxChunk = maxChunk;
        this.creditTimeoutMillis = Math.max(1, creditTimeout.toMillis());
        this.sender = Objects.requireNonNull(sender);
        this.onEnd = Objects.requireNonNull(onEnd);
    }

    public long localId() {
        return localId;
    }

    public long remoteId() {
        return remoteId;
    }

    public int targetPort() {
        return targetPort;
    }

    public long receiveWindow() {
        return localWindow.size();
    }

    /** The peer accepted (or opened) the channel: its id and initial window are known. */
    public void connect(long peerChannel, long peerWindow) {
        this.remoteId = peerChannel;
        this.remoteWindow = new RemoteWindow(peerWindow);
    }

    public void setReadTimeout(int millis) {
        this.readTimeoutMillis = millis;
    }

    public int readTimeout() {
        return readTimeoutMillis;
    }

    public InputStream input() {
        return input;
    }

    public OutputStream output() {
        return output;
    }

    public void onData(ChannelData data) throws ApfProtocolException {
        localWindow.consume(data.length());
        synchronized (this) {
            if (ended) {
                return;
            }
            byte[] copy = data.offset() == 0 && data.length() == data.data().length
                    ? data.data()
                    : Arrays.copyOfRange(data.data(), data.offset(), data.offset() + data.length());
            if (copy.length > 0) {
                inbound.add(copy);
            }
            notifyAll();
        }
    }

    public void onWindowAdjust(WindowAdjust adjust) {
        remoteWindow.expand(adjust.bytesToAdd());
    }

    /** The peer closed: answer with CLOSE unless we already sent ours. Buffered data stays readable. */
    public void onClose() throws IOException {
        boolean answer;
        synchronized (this) {
            closeReceived = true;
            answer = !closeSent;
            closeSent = true;
            notifyAll();
        }
        remoteWindow.close();
        if (answer) {
            sender.send(new ChannelClose(remoteId));
        }
        end();
    }

    /** The session is gone: blocked readers and writers fail with {@code reason}. */
    public void abort(String reason) {
        synchronized (this) {
            if (failure == null && !closeReceived) {
                failure = reason;
            }
            closeSent = true;
            notifyAll();
        }
        remoteWindow.close();
        end();
    }

    /** Why writes fail: the session's end names its reason, a plain close does not need one. */
    private synchronized String closedBecause() {
        return failure == null ? "channel closed" : "channel closed: " + failure;
    }

    public synchronized boolean isClosed() {
        return closeSent;
    }

    /** Sends CHANNEL_CLOSE once; further reads see end of stream, writes fail. */
    @Override
    public void close() throws IOException {
        boolean send;
        synchronized (this) {
            send = !closeSent && remoteId >= 0;
            closeSent = true;
            inbound.clear();
            notifyAll();
        }
        remoteWindow.close();
        try {
            if (send) {
                sender.send(new ChannelClose(remoteId));
            }
        } finally {
            end();
        }
    }

    private void end() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        onEnd.accept(this);
    }

    private int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int copied;
        synchronized (this) {
            long deadline = readTimeoutMillis > 0 ? System.nanoTime() + readTimeoutMillis * 1_000_000L : 0;
            while (inbound.isEmpty()) {
                if (failure != null) {
                    throw new IOException(failure);
                }
                if (closeSent || closeReceived) {
                    return -1;
                }
                waitUntil(deadline);
            }
            byte[] head = inbound.peek();
            copied = Math.min(len, head.length - headOffset);
            System.arraycopy(head, headOffset, b, off, copied);
            headOffset += copied;
            if (headOffset == head.length) {
                inbound.poll();
                headOffset = 0;
            }
        }
        long grant = localWindow.expand(copied);
        if (grant > 0 && !isClosed()) {
            sender.send(new WindowAdjust(remoteId, grant));
        }
        return copied;
    }

    private void waitUntil(long deadline) throws IOException {
        try {
            if (deadline == 0) {
                wait();
                return;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("Read timed out");
            }
            wait(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading a channel");
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            if (isClosed()) {
                throw new IOException(closedBecause());
            }
            int n = consumeCredit(Math.min(len, maxChunk));
            sender.send(new ChannelData(remoteId, b, off, n));
            off += n;
            len -= n;
        }
    }

    /** Waits for window credit within the credit timeout; past it the channel fails for good. */
    private int consumeCredit(int wanted) throws IOException {
        try {
            return remoteWindow.consume(wanted, creditTimeoutMillis);
        } catch (SocketTimeoutException e) {
            String reason = "the peer granted no window credit for " + creditTimeoutMillis + " ms";
            synchronized (this) {
                if (failure == null) {
                    failure = reason;
                }
            }
            try {
                close();
            } catch (IOException notSent) {
                // The session is failing too; the channel is closed on our side either way.
            }
            throw new IOException("channel to port " + targetPort + " failed: " + reason, e);
        }
    }

    private synchronized int bufferedBytes() {
        int total = -headOffset;
        for (byte[] chunk : inbound) {
            total += chunk.length;
        }
        return total;
    }

    @Override
    public String toString() {
        return "ApfChannel[local=" + localId + ", remote=" + remoteId + ", port=" + targetPort + "]";
    }

    private final class ChannelInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = ApfChannel.this.read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return ApfChannel.this.read(b, off, len);
        }

        @Override
        public int available() {
            return bufferedBytes();
        }

        @Override
        public void close() throws IOException {
            ApfChannel.this.close();
        }
    }

    private final class ChannelOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            ApfChannel.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ApfChannel.this.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            ApfChannel.this.close();
        }
    }
}
