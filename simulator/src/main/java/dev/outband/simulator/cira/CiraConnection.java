package dev.outband.simulator.cira;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfLimits;
import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.ChannelClose;
import dev.outband.cira.apf.ApfMessage.ChannelData;
import dev.outband.cira.apf.ApfMessage.ChannelOpen;
import dev.outband.cira.apf.ApfMessage.ChannelOpenConfirmation;
import dev.outband.cira.apf.ApfMessage.ChannelOpenFailure;
import dev.outband.cira.apf.ApfMessage.Disconnect;
import dev.outband.cira.apf.ApfMessage.GlobalRequest;
import dev.outband.cira.apf.ApfMessage.KeepAliveOptionsReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveOptionsRequest;
import dev.outband.cira.apf.ApfMessage.KeepAliveReply;
import dev.outband.cira.apf.ApfMessage.KeepAliveRequest;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.RequestFailure;
import dev.outband.cira.apf.ApfMessage.RequestSuccess;
import dev.outband.cira.apf.ApfMessage.ServiceAccept;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthFailure;
import dev.outband.cira.apf.ApfMessage.UserAuthRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthSuccess;
import dev.outband.cira.apf.ApfMessage.WindowAdjust;
import dev.outband.cira.apf.ApfProtocolException;
import dev.outband.cira.apf.ChannelOpenFailureReason;
import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.channel.ApfChannel;
import dev.outband.cira.channel.ChannelTable;
import dev.outband.cira.listener.PeerLimits;
import dev.outband.simulator.net.ConnectionHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One TLS connection of a simulated device, driven by the listener's replies as AMT firmware is. */
final class CiraConnection {
    private static final Logger log = LoggerFactory.getLogger(CiraConnection.class);
    private static final int READ_CHUNK = 8 * 1024;
    private static final int WRITE_BUFFER = 4 * 1024;
    private static final int MAX_CHANNELS = 16;
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final long TRIGGER_PERIODIC = 4;

    private final CiraClientSettings settings;
    private final ApfCodec codec = new ApfCodec(ApfLimits.defaults());
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ChannelTable channels = new ChannelTable(MAX_CHANNELS);
    private final CountDownLatch forwarding = new CountDownLatch(1);
    private final AtomicInteger pendingForwards = new AtomicInteger();
    private final Object keepAliveTimer = new Object();
    private volatile Socket raw;
    private volatile OutputStream out;
    private volatile Duration keepAliveInterval;
    private volatile DisconnectReason disconnectReason;
    private volatile boolean closed;
    private int cookie;

    CiraConnection(CiraClientSettings settings) {
        this.settings = settings;
        this.keepAliveInterval = settings.keepAliveInterval();
    }

    boolean awaitForwarding(Duration timeout) throws InterruptedException {
        return forwarding.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && !closed;
    }

    boolean isForwarding() {
        return forwarding.getCount() == 0 && !closed;
    }

    boolean reachedForwarding() {
        return forwarding.getCount() == 0;
    }

    DisconnectReason disconnectReason() {
        return disconnectReason;
    }

    /** Connects, speaks APF until the connection ends, then cleans up. */
    void run() throws IOException {
        try {
            Socket tcp = new Socket();
            raw = tcp;
            if (closed) {
                return;
            }
            tcp.connect(new InetSocketAddress(settings.host(), settings.port()), CONNECT_TIMEOUT_MILLIS);
            tcp.setTcpNoDelay(true);
            SSLSocket tls = (SSLSocket) settings.tls().createSocket(tcp, settings.host(), settings.port(), true);
            tls.startHandshake();
            out = new BufferedOutputStream(tls.getOutputStream(), WRITE_BUFFER);
            send(new ProtocolVersion(1, 0, TRIGGER_PERIODIC, settings.uuid()));
            send(new ServiceRequest(ApfMessage.AUTH_SERVICE));
            Thread.ofVirtual().name("cira-keepalive").start(this::keepAliveLoop);
            readLoop(tls.getInputStream());
        } finally {
            close(false);
        }
    }

    private void readLoop(InputStream in) throws IOException {
        byte[] chunk = new byte[READ_CHUNK];
        while (!closed) {
            int n = in.read(chunk);
            if (n < 0) {
                return;
            }
            codec.feed(chunk, 0, n);
            ApfMessage message;
            while (!closed && (message = codec.next()) != null) {
                dispatch(message);
            }
        }
    }

    private void dispatch(ApfMessage message) throws IOException {
        switch (message) {
            case ServiceAccept m -> onServiceAccept(m);
            case UserAuthSuccess m -> send(new ServiceRequest(ApfMessage.PFWD_SERVICE));
            case UserAuthFailure m -> log.info("{}: listener refused the CIRA credentials", settings.uuid());
            case RequestSuccess m -> onForwardAnswered();
            case RequestFailure m -> onForwardAnswered();
            case KeepAliveOptionsRequest m -> {
                changeKeepAliveInterval(Duration.ofSeconds(Math.max(1, m.intervalSeconds())));
                send(new KeepAliveOptionsReply(m.intervalSeconds(), m.timeoutSeconds()));
            }
            case KeepAliveRequest m -> send(new KeepAliveReply(m.cookie()));
            case KeepAliveReply m -> log.trace("{}: keep-alive answered", settings.uuid());
            case ChannelOpen m -> onChannelOpen(m);
            case ChannelData m -> channels.onData(m);
            case WindowAdjust m -> channels.onWindowAdjust(m);
            case ChannelClose m -> channels.onClose(m);
            case Disconnect m -> {
                disconnectReason = m.reason();
                close(false);
            }
            case ProtocolVersion m -> log.debug("{}: listener echoed the protocol version", settings.uuid());
            case ServiceRequest m -> throw unexpected(m);
            case UserAuthRequest m -> throw unexpected(m);
            case GlobalRequest m -> throw unexpected(m);
            case KeepAliveOptionsReply m -> throw unexpected(m);
            case ChannelOpenConfirmation m -> throw unexpected(m);
            case ChannelOpenFailure m -> throw unexpected(m);
        }
    }

    private void onServiceAccept(ServiceAccept m) throws IOException {
        if (ApfMessage.AUTH_SERVICE.equals(m.service())) {
            send(new UserAuthRequest(settings.user(), ApfMessage.PFWD_SERVICE, ApfMessage.PASSWORD_METHOD,
                    settings.password()));
        } else if (ApfMessage.PFWD_SERVICE.equals(m.service())) {
            pendingForwards.set(settings.forwards().size());
            for (int port : settings.forwards()) {
                codec.expectGlobalReply(ApfMessage.TCPIP_FORWARD);
                send(new GlobalRequest(ApfMessage.TCPIP_FORWARD, true, "", port));
            }
        }
    }

    private void onForwardAnswered() {
        if (pendingForwards.decrementAndGet() == 0) {
            forwarding.countDown();
        }
    }

    private void onChannelOpen(ChannelOpen m) throws IOException {
        ConnectionHandler handler = settings.handlers().get((int) m.targetPort());
        // A forwarded port nothing serves (RMCP's 623/664, 5900 while it is off) fails as a refused connect.
        if (!ApfMessage.FORWARDED_TCPIP.equals(m.channelType()) || handler == null) {
            send(new ChannelOpenFailure(m.senderChannel(), ChannelOpenFailureReason.CONNECT_FAILED.code()));
            return;
        }
        int window = settings.channelWindow();
        ApfChannel channel = channels.open(id -> new ApfChannel(id, (int) m.targetPort(), window,
                        window, PeerLimits.defaults().creditTimeout(), this::send, channels::remove)).orElse(null);
        if (channel == null) {
            send(new ChannelOpenFailure(m.senderChannel(), ChannelOpenFailureReason.RESOURCE_SHORTAGE.code()));
            return;
        }
        channel.connect(m.senderChannel(), m.initialWindow());
        send(new ChannelOpenConfirmation(m.senderChannel(), channel.localId(), window, ApfMessage.UNLIMITED));
        Thread.ofVirtual().name("cira-port-" + m.targetPort()).start(() -> serve(channel, handler));
    }

    private void serve(ApfChannel channel, ConnectionHandler handler) {
        try (channel) {
            handler.serve(channel.input(), channel.output());
        } catch (IOException e) {
            log.debug("{}: port {} handler ended: {}", settings.uuid(), channel.targetPort(), e.getMessage());
        }
    }

    /** Restarts the keep-alive wait so a shorter interval takes effect at once. */
    private void changeKeepAliveInterval(Duration interval) {
        synchronized (keepAliveTimer) {
            keepAliveInterval = interval;
            keepAliveTimer.notifyAll();
        }
    }

    private void keepAliveLoop() {
        while (!closed) {
            try {
                synchronized (keepAliveTimer) {
                    keepAliveTimer.wait(keepAliveInterval.toMillis());
                }
                if (isForwarding()) {
                    send(new KeepAliveRequest(++cookie & 0xFFFFFFFFL));
                }
            } catch (InterruptedException | IOException e) {
                return;
            }
        }
    }

    void send(ApfMessage message) throws IOException {
        writeLock.lock();
        try {
            OutputStream stream = out;
            if (stream == null || closed) {
                throw new IOException("connection closed");
            }
            ApfCodec.write(message, stream);
            stream.flush();
        } finally {
            writeLock.unlock();
        }
    }

    /** Leaves politely: DISCONNECT by application, then close. */
    void disconnect() {
        try {
            send(new Disconnect(DisconnectReason.BY_APPLICATION));
        } catch (IOException e) {
            log.debug("{}: DISCONNECT not delivered: {}", settings.uuid(), e.getMessage());
        }
        close(false);
    }

    /** Resets the TCP connection without a word (not even TLS close_notify), as a pulled cable would. */
    void abort() {
        close(true);
    }

    private void close(boolean reset) {
        closed = true;
        synchronized (keepAliveTimer) {
            keepAliveTimer.notifyAll();
        }
        Socket tcp = raw;
        if (tcp != null && !tcp.isClosed()) {
            try {
                // A zero linger turns close into a reset; a polite close lets the DISCONNECT drain first.
                tcp.setSoLinger(reset, 0);
                tcp.close();
            } catch (IOException e) {
                log.debug("{}: close failed: {}", settings.uuid(), e.getMessage());
            }
        }
        channels.abortAll("CIRA connection lost");
    }

    private ApfProtocolException unexpected(ApfMessage message) {
        return new ApfProtocolException(message.type() + " is not sent to a device");
    }
}
