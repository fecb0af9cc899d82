package dev.outband.cira.listener;

import java.net.InetAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts wrong CIRA passwords per source address and overall, and says how long a login must wait
 * before its password is even compared, or that its address is banned. The same wait applies whether
 * the password then turns out right or wrong, so timing tells a guesser nothing.
 */
final class AuthThrottle {
    private static final Logger log = LoggerFactory.getLogger(AuthThrottle.class);

    private final ThrottleSettings settings;
    private final Map<InetAddress, Failures> byAddress;
    private long windowStart = System.nanoTime();
    private int windowFailures;
    private long failuresCounted;

    /** What a login from one address must do now: wait {@code delay}, or give up while {@code banned}. */
    record Verdict(Duration delay, Duration banned) {
        boolean isBanned() {
            return !banned.isZero();
        }
    }

    private static final class Failures {
        int count;
        long lastNanos;
        long bannedUntilNanos;
    }

    AuthThrottle(ThrottleSettings settings) {
        this.settings = settings;
        // Access order: when full, the address quiet the longest is forgotten first.
        this.byAddress = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<InetAddress, Failures> eldest) {
                return size() > settings.trackedAddresses();
            }
        };
    }

    synchronized Verdict before(InetAddress address, long nowNanos) {
        Failures failures = current(address, nowNanos);
        if (failures != null && failures.bannedUntilNanos != 0) {
            return new Verdict(Duration.ZERO, Duration.ofNanos(failures.bannedUntilNanos - nowNanos));
        }
        Duration own = failures == null ? Duration.ZERO : grown(failures.count);
        Duration global = grown(globalFailures(nowNanos) / settings.globalFailures());
        return new Verdict(own.compareTo(global) >= 0 ? own : global, Duration.ZERO);
    }

    synchronized void failed(InetAddress address, long nowNanos) {
        failuresCounted++;
        globalFailures(nowNanos);
        windowFailures++;
        Failures failures = current(address, nowNanos);
        if (failures == null) {
            failures = new Failures();
            byAddress.put(address, failures);
        }
        failures.count++;
        failures.lastNanos = nowNanos;
        if (failures.count >= settings.failuresBeforeBan()) {
            failures.bannedUntilNanos = nowNanos + settings.banTime().toNanos();
            log.warn("CIRA logins from {} refused for {} s after {} wrong passwords", address.getHostAddress(),
                    settings.banTime().toSeconds(), failures.count);
        }
    }

    synchronized void succeeded(InetAddress address) {
        byAddress.remove(address);
    }

    /** Passwords compared and found wrong since the listener started. */
    synchronized long failuresCounted() {
        return failuresCounted;
    }

    /** The address's record, forgotten once its ban ended or it stayed quiet for a ban's length. */
    private Failures current(InetAddress address, long nowNanos) {
        Failures failures = byAddress.get(address);
        if (failures == null) {
            return null;
        }
        boolean banOver = failures.bannedUntilNanos != 0 && nowNanos - failures.bannedUntilNanos >= 0;
        boolean quiet = failures.bannedUntilNanos == 0 && nowNanos - failures.lastNanos > settings.banTime().toNanos();
        if (banOver || quiet) {
            byAddress.remove(address);
            return null;
        }
        return failures;
    }

    private int globalFailures(long nowNanos) {
        if (nowNanos - windowStart > settings.globalWindow().toNanos()) {
            windowStart = nowNanos;
            windowFailures = 0;
        }
        return windowFailures;
    }

    /** No wait before the first failure, then the first delay doubled per failure, up to the longest. */
    private Duration grown(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - 1, 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }
}
