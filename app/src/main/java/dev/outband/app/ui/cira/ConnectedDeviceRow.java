package dev.outband.app.ui.cira;

import dev.outband.cira.listener.DeviceSnapshot;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** One connected device as the listener panel shows it. */
public record ConnectedDeviceRow(String uuid, String address, String connectedSince, String lastKeepAlive,
                                 String forwardedPorts, String openChannels) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    static ConnectedDeviceRow of(DeviceSnapshot device, Instant now) {
        return new ConnectedDeviceRow(device.uuid().toString(), address(device.remoteAddress()),
                TIME.format(device.connectedSince()),
                device.lastKeepAlive() == null ? "none yet" : ago(device.lastKeepAlive(), now),
                device.forwardedPorts().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")),
                Integer.toString(device.openChannels()));
    }

    private static String address(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }

    private static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        return seconds < 120 ? seconds + " s ago" : seconds / 60 + " min ago";
    }
}
