package dev.outband.app.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** Login attempts per remote address within a sliding minute; the table of addresses is bounded too. */
final class LoginThrottle {
    private static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses remembered at once; the oldest is forgotten first. */
    static final int MAX_ADDRESSES = 4096;

    private final int perWindow;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    LoginThrottle(int perWindow, Clock clock) {
        this.perWindow = perWindow;
        this.clock = clock;
    }

    /** Counts one attempt; false when the address already used up its attempts in the last minute. */
    synchronized boolean tryAttempt(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = attempts.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
            times.removeFirst();
        }
        if (times.size() >= perWindow) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
