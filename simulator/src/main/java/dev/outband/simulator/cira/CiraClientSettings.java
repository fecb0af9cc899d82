package dev.outband.simulator.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.simulator.net.ConnectionHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * How a simulated device reaches a CIRA listener.
 *
 * @param handlers          the device ports it serves in-process
 * @param forwards          the ports it asks the listener to forward, in the order it asks; a forwarded port
 *                          without a handler is refused when the listener opens a channel to it
 * @param keepAliveInterval used until the listener asks for another with KEEPALIVE_OPTIONS_REQUEST
 * @param reconnectMin      first wait after a lost connection; doubles up to {@code reconnectMax}
 * @param channelWindow     receive window this device grants per channel
 */
public record CiraClientSettings(String host, int port, DeviceUuid uuid, String user, byte[] password,
                                 Map<Integer, ConnectionHandler> handlers, List<Integer> forwards,
                                 SSLSocketFactory tls,
                                 Duration keepAliveInterval, Duration reconnectMin, Duration reconnectMax,
                                 int channelWindow) {
    public CiraClientSettings {
        Objects.requireNonNull(host);
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(user);
        Objects.requireNonNull(tls);
        password = password.clone();
        handlers = Map.copyOf(handlers);
        forwards = List.copyOf(forwards);
        if (!forwards.containsAll(handlers.keySet())) {
            throw new IllegalArgumentException("ports " + handlers.keySet() + " served but not all forwarded: "
                    + forwards);
        }
    }

    /** Forwards exactly the served ports, in ascending order. */
    public static CiraClientSettings of(String host, int port, DeviceUuid uuid, String user, byte[] password,
                                        Map<Integer, ConnectionHandler> handlers, SSLSocketFactory tls) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers,
                handlers.keySet().stream().sorted().toList(), tls, Duration.ofSeconds(30), Duration.ofMillis(200),
                Duration.ofSeconds(30), 32 * 1024);
    }

    public CiraClientSettings withForwards(List<Integer> ports) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, ports, tls, keepAliveInterval,
                reconnectMin, reconnectMax, channelWindow);
    }

    public CiraClientSettings withChannelWindow(int window) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, forwards, tls, keepAliveInterval,
                reconnectMin, reconnectMax, window);
    }

    public CiraClientSettings withKeepAliveInterval(Duration interval) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, forwards, tls, interval,
                reconnectMin, reconnectMax, channelWindow);
    }

    public CiraClientSettings withReconnect(Duration min, Duration max) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, forwards, tls, keepAliveInterval,
                min, max, channelWindow);
    }

    @Override
    public String toString() {
        return "CiraClientSettings[" + host + ":" + port + ", uuid=" + uuid + ", user=" + user + ", ports="
                + forwards + "]";
    }
}
