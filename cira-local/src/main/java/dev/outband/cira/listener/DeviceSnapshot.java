package dev.outband.cira.listener;

import dev.outband.cira.apf.DeviceUuid;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.Set;

/** A connected device as the console lists it; {@code lastKeepAlive} is null until the first one. */
public record DeviceSnapshot(DeviceUuid uuid, SocketAddress remoteAddress, Instant connectedSince,
                             Instant lastKeepAlive, Set<Integer> forwardedPorts, int openChannels) {
    public DeviceSnapshot {
        forwardedPorts = Set.copyOf(forwardedPorts);
    }
}
