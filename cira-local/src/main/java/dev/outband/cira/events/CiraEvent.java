package dev.outband.cira.events;

import dev.outband.cira.apf.DisconnectReason;
import dev.outband.cira.apf.DeviceUuid;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.Set;

/** Something that happened on the CIRA listener, for the console's device list and the CLI's log. */
public sealed interface CiraEvent {
    Instant at();

    SocketAddress remote();

    record Connected(Instant at, SocketAddress remote) implements CiraEvent { }

    /** {@code user} as the device sent it, escaped for display ({@link dev.outband.cira.apf.PeerText}). */
    record Authenticated(Instant at, SocketAddress remote, DeviceUuid device, String user) implements CiraEvent { }

    record PortsForwarded(Instant at, SocketAddress remote, DeviceUuid device, Set<Integer> ports)
            implements CiraEvent { }

    record KeepAlive(Instant at, SocketAddress remote, DeviceUuid device) implements CiraEvent { }

    record ChannelOpened(Instant at, SocketAddress remote, DeviceUuid device, int port, long channel)
            implements CiraEvent { }

    record ChannelClosed(Instant at, SocketAddress remote, DeviceUuid device, int port, long channel)
            implements CiraEvent { }

    /** {@code device} is null when the peer never said who it is; {@code detail} is escaped for display. */
    record Disconnected(Instant at, SocketAddress remote, DeviceUuid device, DisconnectReason reason, String detail)
            implements CiraEvent { }
}
