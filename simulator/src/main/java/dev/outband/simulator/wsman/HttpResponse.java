package dev.outband.simulator.wsman;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * A response to write: status, extra headers, body, and how AMT frames it. AMT sends SOAP replies with
 * {@code Transfer-Encoding: chunked}; its 401 challenge has a Content-Length, a small HTML page, and
 * closes the connection.
 */
public record HttpResponse(int status, String reason, Map<String, String> headers, byte[] body, boolean chunked,
                           boolean closes) {
    private static final byte[] UNAUTHORIZED_PAGE = ("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">"
            + "<html><head><title>Intel&reg; Active Management Technology</title></head>"
            + "<body><h2>Log on failed. Incorrect user name or password.</h2></body></html>")
            .getBytes(StandardCharsets.US_ASCII);

    public static HttpResponse soap(int status, String xml) {
        return new HttpResponse(status, status == 200 ? "OK" : "Bad Request",
                ordered("X-Frame-Options", "DENY", "Content-Type", "application/soap+xml; charset=UTF-8"),
                xml.getBytes(StandardCharsets.UTF_8), true, false);
    }

    public static HttpResponse unauthorized(String challenge) {
        return new HttpResponse(401, "Unauthorized", ordered("WWW-Authenticate", challenge, "Content-Type",
                "text/html"), UNAUTHORIZED_PAGE, false, true);
    }

    /** AMT's front page: 303 to its log-on page with an empty body. */
    public static HttpResponse seeOther(String location) {
        return new HttpResponse(303, "See Other", ordered("Location", location), new byte[0], false, false);
    }

    public static HttpResponse status(int status, String reason) {
        return new HttpResponse(status, reason, Map.of(), new byte[0], false, false);
    }

    /** Headers in the order given, the order AMT writes them. */
    private static Map<String, String> ordered(String... namesAndValues) {
        SequencedMap<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableSequencedMap(headers);
    }
}
