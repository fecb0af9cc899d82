package dev.outband.wsman.http;

import dev.outband.wsman.WsmanException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * HTTP Digest for one device: reuses the last nonce (saves a round trip per call), answers a 401 once,
 * retries on stale=true and gives up when the device rejected credentials it had already seen.
 */
public final class DigestInterceptor implements Interceptor {
    private static final int MAX_CHALLENGES = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DigestCredentials credentials;
    private final AtomicLong nonceCount = new AtomicLong();
    private volatile DigestChallenge challenge;

    public DigestInterceptor(DigestCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        DigestChallenge known = challenge;
        boolean sentCredentials = false;
        Response response;
        if (known != null && credentials != null) {
            response = chain.proceed(sign(request, known));
            sentCredentials = true;
        } else {
            response = chain.proceed(request);
        }
        for (int attempt = 0; response.code() == 401 && attempt < MAX_CHALLENGES; attempt++) {
            List<String> headers = response.headers("WWW-Authenticate");
            response.close();
            if (credentials == null) {
                throw new WsmanException.NoCredentials();
            }
            DigestChallenge offered = choose(headers);
            if (sentCredentials && !offered.stale()) {
                throw new WsmanException.CredentialsRejected();
            }
            challenge = offered;
            nonceCount.set(0);
            response = chain.proceed(sign(request, offered));
            sentCredentials = true;
        }
        if (response.code() == 401) {
            response.close();
            throw new WsmanException.CredentialsRejected();
        }
        return response;
    }

    /** The Digest challenge to answer among every WWW-Authenticate header (Negotiate may come first, apart). */
    private static DigestChallenge choose(List<String> headers) throws WsmanException {
        List<DigestChallenge> digests = DigestChallenge.parseAll(headers);
        if (!digests.isEmpty()) {
            return DigestChallenge.choose(digests);
        }
        String schemes = headers.stream().flatMap(h -> AuthChallenges.parse(h).stream())
                .map(AuthChallenges.Challenge::scheme).distinct().collect(Collectors.joining(", "));
        if (schemes.isEmpty()) {
            throw new WsmanException.CredentialsRejected();
        }
        throw new WsmanException.UnsupportedAuthentication("the device asks for " + schemes
                + " authentication, not Digest");
    }

    private Request sign(Request request, DigestChallenge c) throws IOException {
        String uri = request.url().encodedPath();
        byte[] cnonce = new byte[8];
        RANDOM.nextBytes(cnonce);
        byte[] body = DigestChallenge.QOP_AUTH_INT.equals(c.chosenQop()) ? bodyOf(request) : new byte[0];
        String header = credentials.authorization(c, request.method(), uri, body, nonceCount.incrementAndGet(),
                HexFormat.of().formatHex(cnonce));
        return request.newBuilder().header("Authorization", header).build();
    }

    /** The request's entity body, which qop=auth-int hashes. */
    private static byte[] bodyOf(Request request) throws IOException {
        RequestBody body = request.body();
        if (body == null) {
            return new byte[0];
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }
}
