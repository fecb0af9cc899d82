package dev.outband.simulator.cira;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfLimits;
import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.GlobalRequest;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthRequest;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.listener.CiraListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/** A hand-driven APF peer over TLS, for tests that misbehave on purpose. */
final class RawApfPeer implements AutoCloseable {
    private final SSLSocket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ApfCodec codec = new ApfCodec(ApfLimits.defaults());

    RawApfPeer(CiraListener listener) throws Exception {
        socket = (SSLSocket) CiraTestLab.trusting(CiraTestLab.identity().certificate())
                .createSocket("127.0.0.1", listener.port());
        socket.startHandshake();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(ApfMessage message) throws IOException {
        sendRaw(ApfCodec.encode(message));
    }

    /** Sends a GLOBAL_REQUEST that wants a reply, telling the decoder how the reply is shaped. */
    void request(GlobalRequest request) throws IOException {
        codec.expectGlobalReply(request.name());
        send(request);
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message, or null when the listener closed the connection. */
    ApfMessage next(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
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

    /** Runs the device sequence up to forwarding {@code port}, reading past the listener's replies. */
    void authenticateAndForward(DeviceUuid uuid, int port) throws IOException {
        send(new ProtocolVersion(1, 0, 1, uuid));
        send(new ServiceRequest(ApfMessage.AUTH_SERVICE));
        next(Duration.ofSeconds(5));
        send(new UserAuthRequest(CiraTestLab.USER, ApfMessage.PFWD_SERVICE, "password", CiraTestLab.PASSWORD));
        next(Duration.ofSeconds(5));
        send(new ServiceRequest(ApfMessage.PFWD_SERVICE));
        next(Duration.ofSeconds(5));
        request(new GlobalRequest(ApfMessage.TCPIP_FORWARD, true, "", port));
        next(Duration.ofSeconds(5));
        next(Duration.ofSeconds(5));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
