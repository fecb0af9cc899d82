package dev.outband.app.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An answer other than 200, with MPS's body for it (its ErrorResponse and validator shapes, src/utils/amtHelper.ts). */
final class ApiError extends Exception {
    /** MPS's HTTPErrorTable wording (src/utils/constants.ts). */
    static final String DEVICE_NOT_FOUND = "Device not found/connected. Please connect again using CIRA.";

    private final int status;
    private final transient Object body;

    private ApiError(int status, Object body, String message) {
        this(status, body, message, null);
    }

    private ApiError(int status, Object body, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    Object body() {
        return body;
    }

    static ApiError of(int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (description != null) {
            body.put("errorDescription", description);
        }
        return new ApiError(status, body, error + (description == null ? "" : ": " + description));
    }

    static ApiError notConnected(String guid) {
        return of(404, DEVICE_NOT_FOUND, "guid : " + guid);
    }

    static ApiError unauthorized(String message) {
        return new ApiError(401, Map.of("message", message), message);
    }

    /** express-validator's shape: {@code {errors:[{type, msg, path, location}]}}. */
    static ApiError invalid(String field, String location, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "field");
        error.put("msg", message);
        error.put("path", field);
        error.put("location", location);
        return new ApiError(400, Map.of("errors", List.of(error)), field + ": " + message);
    }

    static ApiError badRequest(String description) {
        return of(400, "Incorrect URI or Bad Request", description);
    }

    static ApiError deviceFailed(String description) {
        return of(500, "Internal Server Error", description);
    }

    /** As {@link #deviceFailed(String)}, keeping what the device said for a caller that tells refusals apart. */
    static ApiError deviceFailed(String description, Throwable cause) {
        ApiError plain = deviceFailed(description);
        return new ApiError(500, plain.body, plain.getMessage(), cause);
    }

    static ApiError withBody(int status, Object body, String message) {
        return new ApiError(status, body, message);
    }

    static ApiError timedOut(String description) {
        return of(504, "Timeout Error", description);
    }
}
