package dev.outband.app.activation;

import dev.outband.wsman.WsmanException;
import dev.outband.wsman.http.DigestChallenge;
import dev.outband.wsman.http.DigestCredentials;
import dev.outband.wsman.http.EnvelopeTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * WS-Man through the activation client: each envelope becomes a complete HTTP/1.1 request, which the client writes
 * unchanged to the device's local WS-Man port, and the device's HTTP reply comes back the same way. HTTP digest is
 * answered here (the client never sees a password it did not send), as rps does: the nonce is reused until the
 * next 401, a 401 after credentials the device had already challenged is a refusal.
 */
final class RelayTransport implements EnvelopeTransport {
    /** One exchange through the client: request bytes out, the device's reply bytes back. */
    @FunctionalInterface
    interface Relay {
        byte[] exchange(byte[] httpRequest) throws IOException;
    }

    private static final String PATH = "/wsman";
    private static final int MAX_CHALLENGES = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Relay relay;
    private final String host;
    private final int maxReplyBytes;
    private volatile DigestCredentials credentials;
    private DigestChallenge challenge;
    private long nonceCount;

    /** {@code host} is what the Host header names, as rps: the device's UUID and AMT's port. */
    RelayTransport(Relay relay, String host, DigestCredentials credentials, int maxReplyBytes) {
        this.relay = relay;
        this.host = host;
        this.credentials = credentials;
        this.maxReplyBytes = maxReplyBytes;
    }

    /** After setup the device knows only its admin account. */
    void use(DigestCredentials next) {
        credentials = next;
    }

    @Override
    public synchronized byte[] post(String envelope) throws WsmanException {
        byte[] body = envelope.getBytes(StandardCharsets.UTF_8);
        boolean sentCredentials = challenge != null;
        RelayedReply reply = send(body, sentCredentials);
        for (int attempt = 0; reply.status() == 401 && attempt < MAX_CHALLENGES; attempt++) {
            List<DigestChallenge> offered = DigestChallenge.parseAll(reply.wwwAuthenticate());
            if (offered.isEmpty()) {
                throw new WsmanException.CredentialsRejected();
            }
            DigestChallenge chosen = DigestChallenge.choose(offered);
            if (sentCredentials && !chosen.stale()) {
                throw new WsmanException.CredentialsRejected();
            }
            challenge = chosen;
            nonceCount = 0;
            reply = send(body, true);
            sentCredentials = true;
        }
        if (reply.status() == 401) {
            throw new WsmanException.CredentialsRejected();
        }
        if (reply.status() / 100 != 2 && reply.body().length == 0) {
            throw new WsmanException.Unreachable("the device answers HTTP " + reply.status()
                    + " through the activation client, not as AMT's WS-Man service", null);
        }
        return reply.body();
    }

    private RelayedReply send(byte[] body, boolean signed) throws WsmanException {
        StringBuilder head = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        if (signed) {
            head.append("Authorization: ").append(authorization(body)).append("\r\n");
        }
        head.append("Content-Type: application/soap+xml; charset=utf-8\r\nContent-Length: ").append(body.length)
                .append("\r\nConnection: close\r\n\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        try {
            return RelayedReply.parse(relay.exchange(request), maxReplyBytes);
        } catch (WsmanException e) {
            throw e;
        } catch (InterruptedIOException e) {
            throw new WsmanException.NetworkTimeout(e);
        } catch (IOException e) {
            throw new WsmanException.Unreachable(e.getMessage(), e);
        }
    }

    private String authorization(byte[] body) throws WsmanException {
        DigestCredentials c = credentials;
        if (c == null) {
            throw new WsmanException.NoCredentials();
        }
        byte[] cnonce = new byte[8];
        RANDOM.nextBytes(cnonce);
        return c.authorization(challenge, "POST", PATH, body, ++nonceCount, HexFormat.of().formatHex(cnonce));
    }
}
