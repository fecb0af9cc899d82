package dev.outband.app.api;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * The listener's MPS-compatible REST API and KVM relay: where it listens, who may log in, and every limit.
 * Plain HTTP is allowed only on a loopback address; anywhere else the listener's own certificate serves TLS.
 *
 * @param relayTextFrames device bytes go to the browser as UTF-8 text frames (each byte one code point), as a
 *                        real MPS sends them; false sends binary frames
 */
public record ApiSettings(InetAddress bindAddress, int port, boolean tls, String user, Duration tokenLifetime,
                          Duration redirectionTokenLifetime, int maxBodyBytes, Duration requestDeadline,
                          int maxConcurrentRelays, boolean relayTextFrames, Duration relayIdleTimeout,
                          int relayMaxMessageBytes, Duration relayConnectTimeout, int loginAttemptsPerMinute,
                          int maxPageSize, int maxConcurrentRequests) {
    /** MPS's own web port. */
    public static final int DEFAULT_PORT = 3000;
    public static final String DEFAULT_USER = "admin";
    /** MPS's default JWT lifetime (jwt_expiration 1440 minutes). */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(24);
    /** MPS's default redirection token lifetime (redirection_expiration_time 5 minutes). */
    public static final Duration DEFAULT_REDIRECTION_TOKEN_LIFETIME = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    /** Longer than one WS-Man call's own deadline, shorter than a browser's patience. */
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_RELAYS = 16;
    public static final Duration DEFAULT_RELAY_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** One websocket message from the browser; KVM input events are a few bytes each. */
    public static final int DEFAULT_RELAY_MAX_MESSAGE_BYTES = 64 * 1024;
    public static final Duration DEFAULT_RELAY_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_LOGIN_ATTEMPTS_PER_MINUTE = 10;
    /** Larger {@code $top} values are cut to this. */
    public static final int DEFAULT_MAX_PAGE_SIZE = 1000;
    /** Requests handled at once (each on a virtual thread); a bulk job over a thousand devices fits. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 2048;

    public ApiSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(user, "user");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("the API needs a user name");
        }
        if (!tls && !bindAddress.isLoopbackAddress()) {
            throw new IllegalArgumentException("plain HTTP is allowed only on a loopback address, not on "
                    + bindAddress.getHostAddress() + ": turn TLS on");
        }
        if (maxBodyBytes < 256 || maxConcurrentRelays < 1 || relayMaxMessageBytes < 1024 || loginAttemptsPerMinute < 1
                || maxPageSize < 1 || maxConcurrentRequests < 8) {
            throw new IllegalArgumentException("API limits too small");
        }
    }

    /** Loopback, MPS's port, plain HTTP, user {@value #DEFAULT_USER}, MPS's token lifetimes. */
    public static ApiSettings defaults() {
        return new ApiSettings(InetAddress.getLoopbackAddress(), DEFAULT_PORT, false, DEFAULT_USER,
                DEFAULT_TOKEN_LIFETIME, DEFAULT_REDIRECTION_TOKEN_LIFETIME, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_REQUEST_DEADLINE, DEFAULT_MAX_RELAYS, true, DEFAULT_RELAY_IDLE_TIMEOUT,
                DEFAULT_RELAY_MAX_MESSAGE_BYTES, DEFAULT_RELAY_CONNECT_TIMEOUT, DEFAULT_LOGIN_ATTEMPTS_PER_MINUTE,
                DEFAULT_MAX_PAGE_SIZE, DEFAULT_MAX_CONCURRENT_REQUESTS);
    }

    /** Another address; TLS goes on by itself for any address that is not loopback. */
    public ApiSettings withBind(InetAddress address, int newPort) {
        return new ApiSettings(address, newPort, tls || !address.isLoopbackAddress(), user, tokenLifetime,
                redirectionTokenLifetime, maxBodyBytes, requestDeadline, maxConcurrentRelays, relayTextFrames,
                relayIdleTimeout, relayMaxMessageBytes, relayConnectTimeout, loginAttemptsPerMinute, maxPageSize,
                maxConcurrentRequests);
    }

    public ApiSettings withTls(boolean on) {
        return new ApiSettings(bindAddress, port, on, user, tokenLifetime, redirectionTokenLifetime, maxBodyBytes,
                requestDeadline, maxConcurrentRelays, relayTextFrames, relayIdleTimeout, relayMaxMessageBytes,
                relayConnectTimeout, loginAttemptsPerMinute, maxPageSize,
                maxConcurrentRequests);
    }

    public ApiSettings withUser(String newUser) {
        return new ApiSettings(bindAddress, port, tls, newUser, tokenLifetime, redirectionTokenLifetime, maxBodyBytes,
                requestDeadline, maxConcurrentRelays, relayTextFrames, relayIdleTimeout, relayMaxMessageBytes,
                relayConnectTimeout, loginAttemptsPerMinute, maxPageSize,
                maxConcurrentRequests);
    }

    public ApiSettings withTokenLifetime(Duration lifetime) {
        return new ApiSettings(bindAddress, port, tls, user, lifetime, redirectionTokenLifetime, maxBodyBytes,
                requestDeadline, maxConcurrentRelays, relayTextFrames, relayIdleTimeout, relayMaxMessageBytes,
                relayConnectTimeout, loginAttemptsPerMinute, maxPageSize,
                maxConcurrentRequests);
    }

    public ApiSettings withLimits(int bodyBytes, Duration deadline, int relays) {
        return new ApiSettings(bindAddress, port, tls, user, tokenLifetime, redirectionTokenLifetime, bodyBytes,
                deadline, relays, relayTextFrames, relayIdleTimeout, relayMaxMessageBytes, relayConnectTimeout,
                loginAttemptsPerMinute, maxPageSize,
                maxConcurrentRequests);
    }

    public ApiSettings withRelayTextFrames(boolean text) {
        return new ApiSettings(bindAddress, port, tls, user, tokenLifetime, redirectionTokenLifetime, maxBodyBytes,
                requestDeadline, maxConcurrentRelays, text, relayIdleTimeout, relayMaxMessageBytes,
                relayConnectTimeout, loginAttemptsPerMinute, maxPageSize,
                maxConcurrentRequests);
    }

    public ApiSettings withLoginAttemptsPerMinute(int attempts) {
        return new ApiSettings(bindAddress, port, tls, user, tokenLifetime, redirectionTokenLifetime, maxBodyBytes,
                requestDeadline, maxConcurrentRelays, relayTextFrames, relayIdleTimeout, relayMaxMessageBytes,
                relayConnectTimeout, attempts, maxPageSize, maxConcurrentRequests);
    }
}
