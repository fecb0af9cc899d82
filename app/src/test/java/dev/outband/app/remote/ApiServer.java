package dev.outband.app.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A stand-in for MPS or DMT Console on loopback: the login of src/routes/auth/login.ts (200 {token} with an
 * HS256-shaped JWT whose exp the test's clock sets; 401 {message: 'Incorrect Username and/or Password!'}), a
 * bearer check on every other route (401 as a gateway answers a token it does not know), and the routes a test
 * registers, with bodies written from the public sources' shapes.
 */
public final class ApiServer implements AutoCloseable {
    public static final String USER = "standalone";
    public static final String PASSWORD = "G@ppm0ym";
    private static final ObjectMapper JSON = new ObjectMapper();

    final MockWebServer server = new MockWebServer();
    final AtomicInteger logins = new AtomicInteger();
    final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<RecordedRequest, MockResponse>> routes = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Clock clock;
    private volatile Duration tokenLife = Duration.ofHours(24);

    public ApiServer(Clock clock) throws IOException {
        this.clock = clock;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer(request);
            }
        });
    }

    public ApiServer start() throws IOException {
        server.start(InetAddress.getLoopbackAddress(), 0);
        return this;
    }

    public String url() {
        return server.url("/").toString();
    }

    public void route(String methodAndPath, Function<RecordedRequest, MockResponse> answer) {
        routes.put(methodAndPath, answer);
    }

    public void json(String methodAndPath, String body) {
        route(methodAndPath, r -> reply(200, body));
    }

    void tokenLife(Duration life) {
        tokenLife = life;
    }

    /** The server forgets every token it gave (a restart with a new signing key). */
    void forgetTokens() {
        validTokens.clear();
    }

    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    public static MockResponse reply(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    public static JsonNode body(RecordedRequest request) {
        try {
            return JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/api/v1/authorize") && request.getMethod().equals("POST")) {
            JsonNode login = body(request);
            if (!USER.equals(login.path("username").asText()) || !PASSWORD.equals(login.path("password").asText())) {
                return reply(401, "{\"message\":\"Incorrect Username and/or Password!\"}");
            }
            logins.incrementAndGet();
            String token = jwt(clock.instant().plus(tokenLife).getEpochSecond());
            validTokens.add(token);
            return reply(200, "{\"token\":\"" + token + "\"}");
        }
        String bearer = request.getHeaders().get("Authorization");
        boolean upgrade = request.getHeaders().get("Sec-WebSocket-Protocol") != null;
        if (!upgrade && (bearer == null || !validTokens.contains(bearer.replaceFirst("^Bearer ", "")))) {
            return reply(401, "{\"message\":\"Unauthorized\"}");
        }
        Function<RecordedRequest, MockResponse> route = routes.get(request.getMethod() + " " + path);
        return route != null ? route.apply(request)
                // MPS's validator for a GUID it has no connection to (src/utils/constants.ts).
                : reply(404, "{\"error\":\"Not Found\",\"errorDescription\":\"Device not found/connected. Please connect again using CIRA.\"}");
    }

    private String jwt(long exp) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"tenantId\":\"\",\"iss\":\"9EmRJTbIiIb4bIeSsmgcWIjrR6HyETqc\",\"exp\":"
                + exp + ",\"n\":" + logins.get() + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".c2lnbmF0dXJl";
    }

    @Override
    public void close() {
        server.close();
    }
}
