package dev.outband.cira.listener;

import dev.outband.cira.apf.ApfLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every limit and timeout of the CIRA listener, with defaults. Use {@link #defaults()} and the
 * {@code with…} methods.
 *
 * @param port                 TLS port devices connect to (0 picks a free one)
 * @param bindAddress          address to bind; null means all interfaces
 * @param handshakeDeadline    time a new connection has to authenticate and reach port forwarding
 * @param idleTimeout          a session with no message for this long is dropped
 * @param keepAliveInterval    interval asked of devices with KEEPALIVE_OPTIONS_REQUEST; under the idle timeout
 * @param channelOpenTimeout   how long to wait for a device to answer CHANNEL_OPEN
 * @param maxConnections       TLS connections accepted at once; more are refused with TOO_MANY_CONNECTIONS
 * @param maxChannelsPerDevice channels open at once to one device
 * @param channelWindow        receive window granted per channel
 * @param limits               message size limits for the codec
 * @param legacyTls            also accept TLS 1.0/1.1 and RSA key exchange for old firmware
 * @param certificateNames     DNS names and IP literals the generated certificate names
 * @param peerLimits           what one peer, and all together, may make the listener buffer or wait for
 * @param throttle             how wrong passwords are slowed down and their addresses banned
 */
public record ListenerSettings(int port, InetAddress bindAddress, Duration handshakeDeadline, Duration idleTimeout,
                               Duration keepAliveInterval, Duration channelOpenTimeout, int maxConnections,
                               int maxChannelsPerDevice, int channelWindow, ApfLimits limits, boolean legacyTls,
                               List<String> certificateNames, PeerLimits peerLimits, ThrottleSettings throttle) {
    public static final int DEFAULT_PORT = 4433;

    public ListenerSettings {
        Objects.requireNonNull(handshakeDeadline);
        Objects.requireNonNull(idleTimeout);
        Objects.requireNonNull(keepAliveInterval);
        Objects.requireNonNull(channelOpenTimeout);
        Objects.requireNonNull(limits);
        Objects.requireNonNull(peerLimits);
        Objects.requireNonNull(throttle);
        certificateNames = List.copyOf(certificateNames);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (keepAliveInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("keep-alive interval must be shorter than the idle timeout");
        }
        if (maxConnections < 1 || maxChannelsPerDevice < 1 || channelWindow < 1024) {
            throw new IllegalArgumentException("limits must allow at least one connection, one channel, 1 KiB window");
        }
    }

    public static ListenerSettings defaults() {
        return new ListenerSettings(DEFAULT_PORT, null, Duration.ofSeconds(30), Duration.ofSeconds(90),
                Duration.ofSeconds(30), Duration.ofSeconds(15), 20_000, 16, 64 * 1024, ApfLimits.defaults(), false,
                List.of("localhost", "127.0.0.1"), PeerLimits.defaults(), ThrottleSettings.defaults());
    }

    public ListenerSettings withPort(int newPort) {
        return new ListenerSettings(newPort, bindAddress, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, maxConnections, maxChannelsPerDevice, channelWindow, limits, legacyTls,
                certificateNames, peerLimits, throttle);
    }

    public ListenerSettings withBindAddress(InetAddress address) {
        return new ListenerSettings(port, address, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, maxConnections, maxChannelsPerDevice, channelWindow, limits, legacyTls,
                certificateNames, peerLimits, throttle);
    }

    public ListenerSettings withTimeouts(Duration handshake, Duration idle, Duration keepAlive) {
        return new ListenerSettings(port, bindAddress, handshake, idle, keepAlive, channelOpenTimeout,
                maxConnections, maxChannelsPerDevice, channelWindow, limits, legacyTls, certificateNames, peerLimits,
                throttle);
    }

    public ListenerSettings withMaxConnections(int max) {
        return new ListenerSettings(port, bindAddress, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, max, maxChannelsPerDevice, channelWindow, limits, legacyTls, certificateNames,
                peerLimits, throttle);
    }

    public ListenerSettings withChannels(int maxPerDevice, int window) {
        return new ListenerSettings(port, bindAddress, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, maxConnections, maxPerDevice, window, limits, legacyTls, certificateNames,
                peerLimits, throttle);
    }

    public ListenerSettings withLegacyTls(boolean legacy) {
        return new ListenerSettings(port, bindAddress, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, maxConnections, maxChannelsPerDevice, channelWindow, limits, legacy,
                certificateNames, peerLimits, throttle);
    }

    public ListenerSettings withCertificateNames(List<String> names) {
        return new ListenerSettings(port, bindAddress, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, maxConnections, maxChannelsPerDevice, channelWindow, limits, legacyTls, names,
                peerLimits, throttle);
    }

    public ListenerSettings withPeerLimits(PeerLimits newLimits) {
        return new ListenerSettings(port, bindAddress, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, maxConnections, maxChannelsPerDevice, channelWindow, limits, legacyTls,
                certificateNames, newLimits, throttle);
    }

    public ListenerSettings withThrottle(ThrottleSettings newThrottle) {
        return new ListenerSettings(port, bindAddress, handshakeDeadline, idleTimeout, keepAliveInterval,
                channelOpenTimeout, maxConnections, maxChannelsPerDevice, channelWindow, limits, legacyTls,
                certificateNames, peerLimits, newThrottle);
    }
}
