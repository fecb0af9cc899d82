package dev.outband.kvm.ider;

import dev.outband.kvm.redirection.AmtCredentials;
import dev.outband.kvm.redirection.RedirectionClient;
import dev.outband.kvm.redirection.SessionType;
import dev.outband.kvm.rfb.HandshakeDeadline;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Opens IDE-R on a device port (16994/16995, a CIRA channel; the SocketFactory decides): the redirection handshake
 * with session type IDER, then the IDE-R OpenSession, all within {@link IderSettings#openTimeout()}.
 */
public final class IderConnector {
    private IderConnector() {}

    public static IderSession open(SocketFactory factory, String host, int port, AmtCredentials credentials,
            AtapiResponder responder, IderSettings settings) throws IOException {
        long start = System.nanoTime();
        Socket socket = factory.createSocket();
        try {
            Duration timeout = settings.openTimeout();
            socket.connect(new InetSocketAddress(host, port), (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE));
            socket.setTcpNoDelay(true);
            Duration left = timeout.minusNanos(System.nanoTime() - start);
            return HandshakeDeadline.run(socket, left, "the device did not open the IDE-R session", () -> {
                RedirectionClient.open(socket.getInputStream(), socket.getOutputStream(), SessionType.IDER, credentials);
                return IderSession.open(socket, responder, settings);
            });
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
