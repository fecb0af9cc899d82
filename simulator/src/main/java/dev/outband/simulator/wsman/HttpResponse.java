package dev.outband.simulator.wsman;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A response to write: status, extra headers, body. */
public record HttpResponse(int status, String reason, Map<String, String> headers, byte[] body) {
    public static HttpResponse soap(int status, String xml) {
        return new HttpResponse(status, status == 200 ? "OK" : "Bad Request",
                Map.of("Content-Type", "application/soap+xml;charset=UTF-8"), xml.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse unauthorized(String challenge) {
        return new HttpResponse(401, "Unauthorized", Map.of("WWW-Authenticate", challenge, "Content-Type",
                "text/html"), "<html><body>Unauthorized</body></html>".getBytes(StandardCharsets.US_ASCII));
    }

    public static HttpResponse status(int status, String reason) {
        return new HttpResponse(status, reason, Map.of(), new byte[0]);
    }
}
