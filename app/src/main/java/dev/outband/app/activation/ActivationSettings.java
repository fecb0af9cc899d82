package dev.outband.app.activation;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the activation server listens and every limit it keeps per connection. The defaults follow DMT's rps
 * where it has one (a 100 KiB frame, 12 s for a WS-Man step) and are wider where our steps do more in one call.
 *
 * @param firstMessageTimeout how long a new connection may take to say what it wants (and its API key)
 * @param replyTimeout        how long the client may take to relay one WS-Man exchange with the device
 * @param sessionDeadline     how long one activation or deactivation may take in all
 * @param maxMessageBytes     the largest websocket text message accepted (rps: 102,400)
 * @param maxReplyBytes       the largest HTTP reply from the device, once decoded from base64
 * @param maxSessions         activations and deactivations in progress at once
 * @param callHomeWait        how long a device that was told to call home is waited for
 */
public record ActivationSettings(InetAddress bindAddress, int port, Duration firstMessageTimeout,
                                 Duration replyTimeout, Duration sessionDeadline, int maxMessageBytes,
                                 int maxReplyBytes, int maxSessions, Duration callHomeWait) {
    public static final int DEFAULT_PORT = 8443;
    public static final Duration DEFAULT_FIRST_MESSAGE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_REPLY_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SESSION_DEADLINE = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_REPLY_BYTES = 128 * 1024;
    public static final int DEFAULT_MAX_SESSIONS = 1000;
    public static final Duration DEFAULT_CALL_HOME_WAIT = Duration.ofMinutes(2);

    public ActivationSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (maxMessageBytes < 4096 || maxReplyBytes < 1024 || maxSessions < 1) {
            throw new IllegalArgumentException("activation limits too small");
        }
    }

    public static ActivationSettings defaults(InetAddress bindAddress) {
        return new ActivationSettings(bindAddress, DEFAULT_PORT, DEFAULT_FIRST_MESSAGE_TIMEOUT, DEFAULT_REPLY_TIMEOUT,
                DEFAULT_SESSION_DEADLINE, DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_REPLY_BYTES, DEFAULT_MAX_SESSIONS,
                DEFAULT_CALL_HOME_WAIT);
    }

    public ActivationSettings withPort(int newPort) {
        return new ActivationSettings(bindAddress, newPort, firstMessageTimeout, replyTimeout, sessionDeadline,
                maxMessageBytes, maxReplyBytes, maxSessions, callHomeWait);
    }

    public ActivationSettings withTimeouts(Duration firstMessage, Duration reply, Duration session) {
        return new ActivationSettings(bindAddress, port, firstMessage, reply, session, maxMessageBytes, maxReplyBytes,
                maxSessions, callHomeWait);
    }
}
