package dev.outband.cira.listener;

import java.time.Duration;
import java.util.Objects;

/**
 * What one peer, and all peers together, may make the listener hold or wait for.
 *
 * @param preAuthBuffer        bytes an unauthenticated peer may have buffered ahead; the handshake's messages
 *                             are a few hundred bytes
 * @param bufferBudget         bytes buffered for all sessions together; a session that would exceed it is dropped
 * @param writeTimeout         longest a single write to a peer may block before the session is dropped
 * @param creditTimeout        longest a channel writer waits for the device to grant window credit
 * @param maxForwardsPerDevice tcpip-forward ports one device may hold (AMT forwards seven)
 * @param maxAuthAttempts      USERAUTH_REQUESTs one connection may send, "none" probes included
 * @param closeGrace           how long stopping the listener lets sessions send DISCONNECT before their sockets close
 */
public record PeerLimits(int preAuthBuffer, long bufferBudget, Duration writeTimeout, Duration creditTimeout,
                         int maxForwardsPerDevice, int maxAuthAttempts, Duration closeGrace) {
    public PeerLimits {
        Objects.requireNonNull(writeTimeout);
        Objects.requireNonNull(creditTimeout);
        Objects.requireNonNull(closeGrace);
        if (preAuthBuffer < 512 || bufferBudget < preAuthBuffer || maxForwardsPerDevice < 1
                || maxAuthAttempts < 1) {
            throw new IllegalArgumentException("peer limits too small to let a device log in");
        }
        if (!writeTimeout.isPositive() || !creditTimeout.isPositive() || closeGrace.isNegative()) {
            throw new IllegalArgumentException("write and credit timeouts must be positive");
        }
    }

    public static PeerLimits defaults() {
        return new PeerLimits(4 * 1024, 256L * 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(60), 16, 4,
                Duration.ofSeconds(2));
    }

    public PeerLimits withBufferBudget(long bytes) {
        return new PeerLimits(preAuthBuffer, bytes, writeTimeout, creditTimeout, maxForwardsPerDevice, maxAuthAttempts,
                closeGrace);
    }

    public PeerLimits withWriteTimeout(Duration timeout) {
        return new PeerLimits(preAuthBuffer, bufferBudget, timeout, creditTimeout, maxForwardsPerDevice, maxAuthAttempts,
                closeGrace);
    }

    public PeerLimits withCreditTimeout(Duration timeout) {
        return new PeerLimits(preAuthBuffer, bufferBudget, writeTimeout, timeout, maxForwardsPerDevice, maxAuthAttempts,
                closeGrace);
    }
}
