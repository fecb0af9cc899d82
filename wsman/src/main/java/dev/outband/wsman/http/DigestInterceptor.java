package dev.outband.wsman.http;

import dev.outband.wsman.WsmanException;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

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
            DigestChallenge offered = DigestChallenge.parse(response.header("WWW-Authenticate"));
            response.close();
            if (credentials == null) {
                throw new WsmanException.NoCredentials();
            }
            if (offered == null || (sentCredentials && !offered.stale())) {
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

    private Request sign(Request request, DigestChallenge c) {
        String uri = request.url().encodedPath();
        byte[] cnonce = new byte[8];
        RANDOM.nextBytes(cnonce);
        String header = credentials.authorization(c, request.method(), uri, nonceCount.incrementAndGet(),
                HexFormat.of().formatHex(cnonce));
        return request.newBuilder().header("Authorization", header).build();
    }
}
