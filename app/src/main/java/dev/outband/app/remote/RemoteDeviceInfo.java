package dev.outband.app.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A device as a remote source lists it (MPS and DMT Console share these fields; Console's AMT password and
 * similar are never read). {@code lastSeen} is the newest of lastSeen/lastConnected the server gave, or null.
 */
public record RemoteDeviceInfo(String guid, String hostname, String friendlyName, List<String> tags,
                               boolean connected, Instant lastSeen, String firmware) {
    public RemoteDeviceInfo {
        tags = List.copyOf(tags);
    }

    /** The name a technician knows it by: the friendly name, else the host name, else the GUID. */
    public String displayName() {
        return !friendlyName.isBlank() ? friendlyName : !hostname.isBlank() ? hostname : guid;
    }

    static RemoteDeviceInfo from(JsonNode d) {
        List<String> tags = new ArrayList<>();
        d.path("tags").forEach(t -> tags.add(t.asText()));
        JsonNode info = d.path("deviceInfo");
        String version = info.path("fwVersion").asText("");
        String build = info.path("fwBuild").asText("");
        String firmware = version.isEmpty() || build.isEmpty() || version.split("\\.").length > 2
                ? version : version + "." + build;
        Instant seen = newest(time(d.path("lastSeen")), time(d.path("lastConnected")));
        return new RemoteDeviceInfo(d.path("guid").asText(""), d.path("hostname").asText(""),
                d.path("friendlyName").asText(""), tags, d.path("connectionStatus").asBoolean(false), seen, firmware);
    }

    private static Instant time(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private static Instant newest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
