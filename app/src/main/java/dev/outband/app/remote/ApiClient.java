package dev.outband.app.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outband.app.remote.SourceException.Kind;
import dev.outband.app.store.RemoteSource;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.tls.DeviceSslContext;
import dev.outband.wsman.tls.DeviceTrustManager;
import dev.outband.wsman.tls.TrustFailure;
import dev.outband.wsman.tls.TrustPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.BufferedSource;

/**
 * One remote source's REST API: logs in for a JWT, keeps it, logs in again shortly before it expires or once
 * when a call comes back 401, and turns every failure into a {@link SourceException} naming the source.
 * Blocking and thread-safe; tokens and passwords are never logged nor put in messages.
 */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final RemoteSource source;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final RemoteSettings settings;
    private final Clock clock;
    private String token;
    private Instant renewAt;

    ApiClient(RemoteSource source, OkHttpClient shared, TrustPolicy trust, RemoteSettings settings, Clock clock) {
        this.source = source;
        this.base = HttpUrl.get(source.url().toString());
        this.settings = settings;
        this.clock = clock;
        OkHttpClient.Builder b = shared.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.callTimeout())
                .writeTimeout(settings.callTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .connectionPool(new ConnectionPool(settings.idleConnections(), 5, TimeUnit.MINUTES));
        if (base.isHttps()) {
            // Our trust manager names what was refused and its fingerprint, and checks the host name itself.
            b.sslSocketFactory(DeviceSslContext.create(trust, base.host()).getSocketFactory(),
                    new DeviceTrustManager(trust, base.host()));
            b.hostnameVerifier((host, session) -> true);
        }
        this.http = b.build();
    }

    String name() {
        return source.name();
    }

    RemoteSettings settings() {
        return settings;
    }

    JsonNode get(String path, Map<String, String> query) throws SourceException {
        HttpUrl.Builder url = url(path);
        query.forEach(url::addQueryParameter);
        return call(new Request.Builder().url(url.build()).get());
    }

    JsonNode post(String path, Object body) throws SourceException {
        return call(new Request.Builder().url(url(path).build()).post(json(body)));
    }

    JsonNode delete(String path) throws SourceException {
        return call(new Request.Builder().url(url(path).build()).delete());
    }

    /** Opens the relay websocket at {@code path?query} with a redirection token as its subprotocol. */
    WebSocket relay(String path, Map<String, String> query, String relayToken, WebSocketListener listener) {
        HttpUrl.Builder url = url(path);
        query.forEach(url::addQueryParameter);
        Request request = new Request.Builder().url(url.build())
                .header("Sec-WebSocket-Protocol", relayToken).build();
        return http.newBuilder().readTimeout(java.time.Duration.ZERO).callTimeout(java.time.Duration.ZERO)
                .build().newWebSocket(request, listener);
    }

    /** Turns a websocket failure into the same words as a REST failure. */
    SourceException translate(Throwable failure, Response response) {
        if (response != null) {
            return httpError(response.code(), null, response.message());
        }
        return failure instanceof IOException io ? transport(io) : new SourceException(name(), Kind.UNREACHABLE,
                String.valueOf(failure), failure);
    }

    private JsonNode call(Request.Builder request) throws SourceException {
        String bearer = token();
        try {
            return send(request.header("Authorization", "Bearer " + bearer).build());
        } catch (Unauthorized expired) {
            // The server forgot the token (restart, new key) before its time: log in once more, retry once.
            forget(bearer);
            try {
                return send(request.header("Authorization", "Bearer " + token()).build());
            } catch (Unauthorized again) {
                throw new SourceException(name(), Kind.LOGIN_REFUSED,
                        "the server refuses the token it just gave (401): " + again.getMessage(), null);
            }
        }
    }

    private synchronized String token() throws SourceException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            login();
        }
        return token;
    }

    private synchronized void forget(String stale) {
        if (stale.equals(token)) {
            token = null;
        }
    }

    private void login() throws SourceException {
        String password = source.password() == null ? "" : source.password().reveal();
        Request request = new Request.Builder().url(url("api/v1/authorize").build())
                .post(json(Map.of("username", source.user(), "password", password))).build();
        JsonNode reply;
        try {
            reply = send(request);
        } catch (Unauthorized refused) {
            throw new SourceException(name(), Kind.LOGIN_REFUSED,
                    "login refused (401): check the user and password of this source", null);
        }
        String fresh = reply.path("token").asText("");
        if (fresh.isEmpty()) {
            throw new SourceException(name(), Kind.BAD_REPLY, "the login reply carries no token", null);
        }
        token = fresh;
        Instant now = clock.instant();
        renewAt = expiry(fresh).map(exp -> exp.minus(settings.renewBefore()))
                // A token whose expiry we cannot read is kept until a 401 says otherwise.
                .orElse(Instant.MAX);
        if (renewAt.isBefore(now)) {
            renewAt = now;
        }
    }

    /** The {@code exp} claim of a JWT, read without checking its signature (the server checks it). */
    static Optional<Instant> expiry(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims.path("exp");
            return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private JsonNode send(Request request) throws SourceException, Unauthorized {
        try (Response response = http.newCall(request).execute()) {
            byte[] body = bounded(response.body());
            if (response.code() == 401) {
                throw new Unauthorized(message(body).orElse(response.message()));
            }
            if (!response.isSuccessful()) {
                throw httpError(response.code(), body, response.message());
            }
            return parse(body);
        } catch (SourceException | Unauthorized e) {
            throw e;
        } catch (IOException e) {
            throw transport(e);
        }
    }

    private byte[] bounded(ResponseBody body) throws IOException {
        BufferedSource in = body.source();
        if (in.request(settings.maxBodyBytes() + 1L)) {
            throw new SourceException(name(), Kind.BAD_REPLY, "the reply is larger than "
                    + settings.maxBodyBytes() / (1024 * 1024) + " MiB", null);
        }
        return in.getBuffer().readByteArray();
    }

    private JsonNode parse(byte[] body) throws SourceException {
        if (body.length == 0) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new SourceException(name(), Kind.BAD_REPLY, "the reply is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourceException(name(), Kind.BAD_REPLY, "the reply cannot be read: " + e.getMessage(), e);
        }
    }

    private SourceException httpError(int code, byte[] body, String reason) {
        String said = body == null ? reason : message(body).orElse(reason);
        Optional<Long> returned = body == null ? Optional.empty() : Replies.returnValue(body);
        if (returned.isPresent()) {
            return SourceException.returned(name(), returned.get(), "the device refused (" + code + "): "
                    + Replies.returnValueText(body).orElse("return value " + returned.get()));
        }
        return switch (code) {
            case 404 -> new SourceException(name(), Kind.NOT_FOUND, "device not found or not connected (404"
                    + (said.isBlank() ? "" : ": " + said) + ")", null);
            case 400, 403, 409 -> new SourceException(name(), Kind.REFUSED, "refused (" + code + "): " + said, null);
            default -> new SourceException(name(), Kind.SERVER_ERROR, "server error " + code
                    + (said.isBlank() ? "" : ": " + said), null);
        };
    }

    /** The server's own words: MPS {@code {error, errorDescription}}, Console {@code {error, message}}, login {@code {message}}. */
    private static Optional<String> message(byte[] body) {
        try {
            JsonNode reply = JSON.readTree(body);
            for (String field : new String[] {"errorDescription", "message", "error"}) {
                String text = reply.path(field).asText("");
                if (!text.isBlank()) {
                    return Optional.of(text);
                }
            }
        } catch (IOException | RuntimeException notJson) {
            // A proxy's HTML page: the status line says enough.
        }
        return Optional.empty();
    }

    private SourceException transport(IOException e) {
        Optional<TrustFailure> refused = TrustFailure.causing(e);
        if (refused.isPresent()) {
            var rejected = (WsmanException.CertificateRejected) refused.get().toWsmanException();
            String why = switch (refused.get().kind()) {
                case SUBJECT_MISMATCH -> "the server's certificate does not name " + base.host();
                case UNTRUSTED_ROOT -> "the server's certificate is not signed by a trusted root";
                case UNKNOWN_CERTIFICATE -> "the server presented a certificate other than the pinned one";
            };
            return SourceException.certificate(name(), why, rejected.subject(), rejected.sha256(), e);
        }
        if (e instanceof InterruptedIOException) {
            return new SourceException(name(), Kind.TIMEOUT, "no reply within "
                    + settings.callTimeout().toSeconds() + " s", e);
        }
        if (e instanceof UnknownHostException || e instanceof ConnectException) {
            return new SourceException(name(), Kind.UNREACHABLE, "cannot reach " + base.host() + ":" + base.port()
                    + " (" + e.getMessage() + ")", e);
        }
        return new SourceException(name(), Kind.UNREACHABLE, e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }

    private HttpUrl.Builder url(String path) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                url.addPathSegment(segment);
            }
        }
        return url;
    }

    private static RequestBody json(Object body) {
        try {
            return RequestBody.create(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), JSON_TYPE);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A 401: the caller decides whether the login or the token was refused. */
    private static final class Unauthorized extends Exception {
        Unauthorized(String said) {
            super(said, null, false, false);
        }
    }
}
