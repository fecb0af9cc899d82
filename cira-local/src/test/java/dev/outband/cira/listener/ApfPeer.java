package dev.outband.cira.listener;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfLimits;
import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.GlobalRequest;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthRequest;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.ca.LabCertificateAuthority;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A hand-driven device over real TLS on loopback, for tests that misbehave on purpose. It trusts
 * exactly the listener's certificate, as a device given the pin does.
 */
final class ApfPeer implements AutoCloseable {
    static final String USER = "lab";
    static final byte[] PASSWORD = "Lab-P@ssw0rd".getBytes(StandardCharsets.UTF_8);
    static final Duration WAIT = Duration.ofSeconds(5);
    private static ServerIdentity identity;

    private final Socket plain;
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ApfCodec codec = new ApfCodec(ApfLimits.defaults());

    ApfPeer(CiraListener listener) throws Exception {
        this(listener, InetAddress.getLoopbackAddress(), 0);
    }

    /**
     * @param from          local address to connect from (any 127.x address reaches the listener)
     * @param receiveBuffer socket receive buffer in bytes, 0 for the system's default
     */
    ApfPeer(CiraListener listener, InetAddress from, int receiveBuffer) throws Exception {
        plain = new Socket();
        if (receiveBuffer > 0) {
            plain.setReceiveBufferSize(receiveBuffer);
        }
        plain.bind(new InetSocketAddress(from, 0));
        plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port()), 5_000);
        socket = (SSLSocket) trusting().createSocket(plain, "127.0.0.1", listener.port(), true);
        socket.setSoTimeout((int) WAIT.toMillis());
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** One RSA key for the whole run: key generation is the slow part of TLS set-up. */
    static synchronized ServerIdentity identity() throws GeneralSecurityException {
        if (identity == null) {
            identity = LabCertificateAuthority.selfSignedIdentity("outband-test", List.of("localhost", "127.0.0.1"));
        }
        return identity;
    }

    /** Loopback, a free port, short deadlines: handshake 2 s, idle 4 s, keep-alive 1 s. */
    static ListenerSettings settings() {
        return ListenerSettings.defaults().withPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(1));
    }

    static CiraListener start(ListenerSettings settings) throws Exception {
        return CiraListener.start(settings, identity(), CiraCredentialCheck.labWide(USER, PASSWORD));
    }

    static DeviceUuid randomUuid() {
        return new DeviceUuid(UUID.randomUUID());
    }

    static SSLSocketFactory trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("listener", identity().certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    /** Polls {@code condition} every 20 ms for at most {@code timeout}. */
    static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    void send(ApfMessage message) throws IOException {
        sendRaw(ApfCodec.encode(message));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message, or null when the listener closed the connection within {@code timeout}. */
    ApfMessage next(Duration timeout) throws IOException {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (IOException closed) {
            return null;
        }
        byte[] chunk = new byte[4096];
        ApfMessage message = codec.next();
        while (message == null) {
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no message from the listener within " + timeout, e);
            } catch (IOException closed) {
                return null;
            }
            if (n < 0) {
                return null;
            }
            codec.feed(chunk, 0, n);
            message = codec.next();
        }
        return message;
    }

    /** Version, auth service and one USERAUTH_REQUEST; returns the listener's answer to the request. */
    ApfMessage login(DeviceUuid uuid, String user, byte[] password) throws IOException {
        send(new ProtocolVersion(1, 0, 1, uuid));
        send(new ServiceRequest(ApfMessage.AUTH_SERVICE));
        next(WAIT);
        send(new UserAuthRequest(user, ApfMessage.PFWD_SERVICE, ApfMessage.PASSWORD_METHOD, password));
        return next(WAIT);
    }

    /** Logs in with the lab credentials, asks for port forwarding and forwards {@code port}. */
    void authenticateAndForward(DeviceUuid uuid, int port) throws IOException {
        authenticateAndForward(uuid, USER, PASSWORD, port);
    }

    void authenticateAndForward(DeviceUuid uuid, String user, byte[] password, int port) throws IOException {
        ApfMessage answer = login(uuid, user, password);
        if (!(answer instanceof ApfMessage.UserAuthSuccess)) {
            throw new AssertionError("login refused: " + answer);
        }
        send(new ServiceRequest(ApfMessage.PFWD_SERVICE));
        next(WAIT);
        codec.expectGlobalReply(ApfMessage.TCPIP_FORWARD);
        send(new GlobalRequest(ApfMessage.TCPIP_FORWARD, true, "", port));
        next(WAIT);
        next(WAIT);
    }

    /** Sends a tcpip-forward and returns the listener's reply. */
    ApfMessage forward(int port) throws IOException {
        codec.expectGlobalReply(ApfMessage.TCPIP_FORWARD);
        send(new GlobalRequest(ApfMessage.TCPIP_FORWARD, true, "", port));
        return next(WAIT);
    }

    /** Reads until the listener ends the connection; true when it did within {@code timeout}. */
    boolean closedWithin(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] chunk = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                if (in.read(chunk) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    /** Closes the TCP socket: a TLS close would wait for a write that the listener may never read. */
    @Override
    public void close() throws IOException {
        plain.close();
    }
}
