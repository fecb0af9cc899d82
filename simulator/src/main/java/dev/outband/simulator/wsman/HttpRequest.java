package dev.outband.simulator.wsman;

import java.util.Locale;
import java.util.Map;

/** One parsed HTTP/1.1 request; header names are lower case. */
public record HttpRequest(String method, String target, Map<String, String> headers, byte[] body) {
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean keepAlive() {
        String connection = header("connection");
        return connection == null || !connection.equalsIgnoreCase("close");
    }
}
