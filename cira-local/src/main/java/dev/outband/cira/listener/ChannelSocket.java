package dev.outband.cira.listener;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.channel.ApfChannel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;

/**
 * A {@link Socket} whose streams are an APF channel to a device port. Connecting opens the channel
 * (CHANNEL_OPEN); closing sends CHANNEL_CLOSE. Read timeouts work as on a TCP socket.
 */
final class ChannelSocket extends Socket {
    private final CiraListener listener;
    private final DeviceUuid uuid;
    private volatile ApfChannel channel;
    private volatile InetSocketAddress target;
    private volatile boolean closed;
    private int soTimeout;

    ChannelSocket(CiraListener listener, DeviceUuid uuid) {
        this.listener = listener;
        this.uuid = uuid;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeoutMillis) throws IOException {
        if (!(endpoint instanceof InetSocketAddress address)) {
            throw new IllegalArgumentException("unsupported address " + endpoint);
        }
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        if (channel != null) {
            throw new SocketException("already connected");
        }
        Duration timeout = timeoutMillis > 0 ? Duration.ofMillis(timeoutMillis)
                : listener.settings().channelOpenTimeout();
        CiraSession session = listener.session(uuid)
                .orElseThrow(() -> new ConnectException("device " + uuid + " is not connected over CIRA"));
        ApfChannel opened = session.openChannel(address.getPort(), timeout);
        opened.setReadTimeout(soTimeout);
        target = address;
        channel = opened;
    }

    private ApfChannel requireChannel() throws SocketException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        ApfChannel current = channel;
        if (current == null) {
            throw new SocketException("Socket is not connected");
        }
        return current;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return requireChannel().input();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return requireChannel().output();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) {
        soTimeout = timeout;
        ApfChannel current = channel;
        if (current != null) {
            current.setReadTimeout(timeout);
        }
    }

    @Override
    public synchronized int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public void setTcpNoDelay(boolean on) {
        // Each write already leaves as one CHANNEL_DATA; there is no Nagle to switch off.
    }

    @Override
    public boolean getTcpNoDelay() {
        return true;
    }

    @Override
    public void setKeepAlive(boolean on) {
        // The APF session's keep-alives cover the link.
    }

    @Override
    public boolean isConnected() {
        return channel != null;
    }

    @Override
    public boolean isBound() {
        return channel != null;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isInputShutdown() {
        return closed;
    }

    @Override
    public boolean isOutputShutdown() {
        return closed;
    }

    @Override
    public InetAddress getInetAddress() {
        InetSocketAddress current = target;
        return current == null ? null : current.getAddress();
    }

    @Override
    public int getPort() {
        InetSocketAddress current = target;
        return current == null ? 0 : current.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return target;
    }

    @Override
    public InetAddress getLocalAddress() {
        return InetAddress.getLoopbackAddress();
    }

    @Override
    public int getLocalPort() {
        return -1;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return null;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        ApfChannel current = channel;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public String toString() {
        return "ChannelSocket[device=" + uuid + ", port=" + getPort() + "]";
    }
}
