package dev.outband.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1}: login, the bearer check, the body limit, and the routes. Every answer is JSON; every failure
 * ends that one request with a message and leaves the others alone.
 */
final class ApiHandler extends Handler.Abstract {
    static final String JSON_TYPE = "application/json; charset=utf-8";
    static final String PREFIX = "/api/v1/";
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    /** MPS's message for a failed login (src/logging/messages.ts LOGIN_FAILED). */
    static final String LOGIN_FAILED = "Incorrect Username and/or Password!";

    private final ApiSettings settings;
    private final ApiAccount account;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final DeviceDirectory directory;
    private final DeviceRoutes devices;
    private final AmtRoutes amt;
    private final ObjectMapper json;

    ApiHandler(ApiSettings settings, ApiAccount account, ApiTokens tokens, DeviceDirectory directory, AmtRoutes amt,
               ObjectMapper json, LoginThrottle throttle) {
        this.settings = settings;
        this.account = account;
        this.tokens = tokens;
        this.throttle = throttle;
        this.directory = directory;
        this.devices = new DeviceRoutes(directory, settings.maxPageSize());
        this.amt = amt;
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = 200;
        Object body;
        try {
            body = route(request);
        } catch (ApiError e) {
            status = e.status();
            body = e.body();
            if (status >= 500) {
                LOG.warn("API {} {}: {}", request.getMethod(), Request.getPathInContext(request), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.warn("API {} {} failed", request.getMethod(), Request.getPathInContext(request), e);
            status = 500;
            body = ApiError.of(500, "Internal Server Error", String.valueOf(e.getMessage())).body();
        }
        try {
            byte[] bytes = json.writeValueAsBytes(body);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON_TYPE);
            response.write(true, ByteBuffer.wrap(bytes), callback);
        } catch (IOException e) {
            callback.failed(e);
        }
        return true;
    }

    private Object route(Request request) throws ApiError {
        String path = Request.getPathInContext(request);
        if (!path.startsWith(PREFIX)) {
            throw ApiError.of(404, "Incorrect URI or Bad Request", "no such route: " + path);
        }
        List<String> segments = Arrays.stream(path.substring(PREFIX.length()).split("/"))
                .filter(s -> !s.isEmpty()).toList();
        ApiRequest api = new ApiRequest(request.getMethod(), segments, query(request), body(request));
        if (api.method().equals("POST") && segments.equals(List.of("authorize"))) {
            return login(api, Request.getRemoteAddr(request));
        }
        requireLogin(request);
        String first = api.segment(0);
        return switch (first) {
            case "authorize" -> redirectionToken(api);
            case "devices" -> devices.handle(api);
            case "amt" -> amt.handle(api);
            case "version" -> Map.of("serviceVersion", ListenerApi.SERVICE_VERSION);
            case "health" -> health();
            default -> throw ApiError.of(404, "Incorrect URI or Bad Request", "no such route: " + path);
        };
    }

    private Map<String, String> login(ApiRequest request, String address) throws ApiError {
        if (!throttle.tryAttempt(address)) {
            throw ApiError.withBody(429, Map.of("message", "Too many login attempts from " + address
                    + ": wait a minute"), "login throttled for " + address);
        }
        JsonNode body = request.json(json);
        JsonNode user = body.get("username");
        JsonNode password = body.get("password");
        if (user == null || !user.isTextual() || password == null || !password.isTextual()) {
            throw ApiError.invalid("username", "body", "username and password are required strings");
        }
        if (!account.accepts(user.asText(), password.asText())) {
            throw ApiError.unauthorized(LOGIN_FAILED);
        }
        return Map.of("token", tokens.issue(ApiTokens.ANY_DEVICE, settings.tokenLifetime()));
    }

    private void requireLogin(Request request) throws ApiError {
        String header = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.unauthorized("Log in first: POST /api/v1/authorize, then send Authorization: Bearer <token>");
        }
        boolean valid = tokens.verify(header.substring(7).strip()).filter(ApiTokens.ANY_DEVICE::equals).isPresent();
        if (!valid) {
            throw ApiError.unauthorized("The token is invalid or has expired: log in again");
        }
    }

    /** {@code GET /api/v1/authorize/redirection/:guid} (src/routes/auth/authorizeDevice.ts). */
    private Map<String, String> redirectionToken(ApiRequest request) throws ApiError {
        if (!request.method().equals("GET") || request.path().size() != 3
                || !request.segment(1).equals("redirection")) {
            throw ApiError.of(404, "Incorrect URI or Bad Request", "no such route under /api/v1/authorize");
        }
        String guid = request.segment(2);
        AmtRoutes.checkGuid(guid);
        if (directory.find(guid).isEmpty()) {
            throw ApiError.of(404, "Not Found", "no device with guid " + guid);
        }
        return Map.of("token", tokens.issue(DeviceDirectory.normal(guid), settings.redirectionTokenLifetime()));
    }

    /** MPS's {@code {db, secretStore}} health (src/routes/health/get.ts): here the store is both. */
    private static Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("db", Map.of("name", "H2", "status", "OK"));
        h.put("secretStore", Map.of("name", "OUTBAND", "status", Map.of("initialized", true, "sealed", false)));
        return h;
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), field.getValue());
        }
        return query;
    }

    /** At most the configured bytes: a longer body is refused before it is read to the end. */
    private byte[] body(Request request) throws ApiError {
        long declared = request.getLength();
        int limit = settings.maxBodyBytes();
        if (declared > limit) {
            throw tooLarge(declared);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(-1);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiError.badRequest("the request body could not be read: " + e.getMessage());
        }
    }

    private ApiError tooLarge(long declared) {
        return ApiError.of(413, "Payload Too Large", "the request body " + (declared < 0 ? "exceeds"
                : "of " + declared + " bytes exceeds") + " the limit of " + settings.maxBodyBytes() + " bytes");
    }
}
