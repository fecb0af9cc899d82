package dev.outband.cira.listener;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.channel.ApfChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import javax.net.SocketFactory;

/**
 * A device known to the listener by UUID. Calls go to whichever session carries the device now,
 * so a handle stays useful when the device reconnects.
 */
public final class CiraDevice {
    private final CiraListener listener;
    private final DeviceUuid uuid;

    CiraDevice(CiraListener listener, DeviceUuid uuid) {
        this.listener = listener;
        this.uuid = uuid;
    }

    public DeviceUuid uuid() {
        return uuid;
    }

    public boolean isConnected() {
        return listener.session(uuid).isPresent();
    }

    public Optional<DeviceSnapshot> snapshot() {
        return listener.session(uuid).map(CiraSession::snapshot);
    }

    /**
     * Sockets from this factory are APF channels to the device: {@code createSocket(host, port)}
     * opens a channel to {@code port} (the host is not used), as does {@code connect} on an unconnected one.
     */
    public SocketFactory socketFactory() {
        return listener.socketFactory(uuid);
    }

    /** Opens a channel to a forwarded port; close the channel to send CHANNEL_CLOSE. */
    public ApfChannel openChannel(int port) throws IOException {
        return openChannel(port, listener.settings().channelOpenTimeout());
    }

    public ApfChannel openChannel(int port, Duration timeout) throws IOException {
        CiraSession session = listener.session(uuid)
                .orElseThrow(() -> new IOException("device " + uuid + " is not connected"));
        return session.openChannel(port, timeout);
    }

    @Override
    public String toString() {
        return "CiraDevice[" + uuid + "]";
    }
}
