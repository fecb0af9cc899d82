package dev.outband.simulator.cira;

import dev.outband.cira.apf.DeviceUuid;
import dev.outband.simulator.net.ConnectionHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;

/**
 * How a simulated device reaches a CIRA listener.
 *
 * @param handlers          the device ports it forwards, each served in-process
 * @param keepAliveInterval used until the listener asks for another with KEEPALIVE_OPTIONS_REQUEST
 * @param reconnectMin      first wait after a lost connection; doubles up to {@code reconnectMax}
 * @param channelWindow     receive window this device grants per channel
 */
public record CiraClientSettings(String host, int port, DeviceUuid uuid, String user, byte[] password,
                                 Map<Integer, ConnectionHandler> handlers, SSLSocketFactory tls,
                                 Duration keepAliveInterval, Duration reconnectMin, Duration reconnectMax,
                                 int channelWindow) {
    public CiraClientSettings {
        Objects.requireNonNull(host);
        Objects.requireNonNull(uuid);
        Objects.requireNonNull(user);
        Objects.requireNonNull(tls);
        password = password.clone();
        handlers = Map.copyOf(handlers);
    }

    public static CiraClientSettings of(String host, int port, DeviceUuid uuid, String user, byte[] password,
                                        Map<Integer, ConnectionHandler> handlers, SSLSocketFactory tls) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, tls, Duration.ofSeconds(30),
                Duration.ofMillis(200), Duration.ofSeconds(30), 32 * 1024);
    }

    public CiraClientSettings withChannelWindow(int window) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, tls, keepAliveInterval,
                reconnectMin, reconnectMax, window);
    }

    public CiraClientSettings withKeepAliveInterval(Duration interval) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, tls, interval,
                reconnectMin, reconnectMax, channelWindow);
    }

    public CiraClientSettings withReconnect(Duration min, Duration max) {
        return new CiraClientSettings(host, port, uuid, user, password, handlers, tls, keepAliveInterval,
                min, max, channelWindow);
    }

    @Override
    public String toString() {
        return "CiraClientSettings[" + host + ":" + port + ", uuid=" + uuid + ", user=" + user + ", ports="
                + handlers.keySet() + "]";
    }
}
