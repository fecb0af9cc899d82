package dev.outband.cira.listener;

import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.UserAuthFailure;
import dev.outband.cira.apf.ApfMessage.UserAuthRequest;
import dev.outband.cira.apf.DisconnectReason;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's USERAUTH_REQUESTs: a capped number of attempts, the throttle's wait or ban before any
 * password is compared, and the UUID bound to the credentials that logged it in.
 */
final class SessionLogin {
    private static final Logger log = LoggerFactory.getLogger(SessionLogin.class);

    private final CiraSession session;
    private final CiraListener listener;
    private final int maxAttempts;
    private int attempts;
    /** SHA-256 of the user and password that logged in; compared, never shown. */
    private byte[] credentialDigest;

    SessionLogin(CiraSession session, CiraListener listener, int maxAttempts) {
        this.session = session;
        this.listener = listener;
        this.maxAttempts = maxAttempts;
    }

    void onRequest(UserAuthRequest m) throws IOException {
        if (!session.awaitingLogin()) {
            throw session.unexpected(m);
        }
        if (++attempts > maxAttempts) {
            session.drop(DisconnectReason.PROTOCOL_ERROR, "more than " + maxAttempts + " login attempts");
            return;
        }
        if (!ApfMessage.PASSWORD_METHOD.equals(m.method())) {
            // Tells the device which method to use; it may try again.
            session.send(new UserAuthFailure(ApfMessage.PASSWORD_METHOD, false));
            return;
        }
        InetAddress address = address();
        AuthThrottle.Verdict verdict = listener.throttle().before(address, System.nanoTime());
        if (verdict.isBanned()) {
            refuse(DisconnectReason.HOST_NOT_ALLOWED, "logins from " + address.getHostAddress() + " are refused for "
                    + Math.max(1, verdict.banned().toSeconds()) + " s more after repeated wrong passwords");
            return;
        }
        pause(verdict.delay());
        if (!listener.credentialCheck().accepts(session.uuid(), m.user(), m.password())) {
            listener.throttle().failed(address, System.nanoTime());
            // The session's end escapes the detail for the log and the event.
            refuse(DisconnectReason.INVALID_CREDENTIALS, "wrong CIRA user or password for user " + m.user());
            return;
        }
        listener.throttle().succeeded(address);
        credentialDigest = digest(m.user(), m.password());
        if (!listener.register(session)) {
            log.warn("CIRA {} claimed device {}, which is connected with other credentials", session.remote(),
                    session.uuid());
            refuse(DisconnectReason.BY_POLICY, "device " + session.uuid() + " is connected with other credentials");
            return;
        }
        session.authenticated(m.user());
    }

    boolean sameCredentials(SessionLogin other) {
        return credentialDigest != null && other.credentialDigest != null
                && MessageDigest.isEqual(credentialDigest, other.credentialDigest);
    }

    private void refuse(DisconnectReason reason, String detail) throws IOException {
        session.send(new UserAuthFailure(ApfMessage.PASSWORD_METHOD, false));
        session.drop(reason, detail);
    }

    private InetAddress address() {
        return session.remote() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress() : InetAddress.getLoopbackAddress();
    }

    private static void pause(Duration delay) throws InterruptedIOException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the login delay");
        }
    }

    private static byte[] digest(String user, byte[] password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] name = user.getBytes(StandardCharsets.UTF_8);
            sha.update(ByteBuffer.allocate(4).putInt(name.length).array());
            sha.update(name);
            sha.update(password);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
