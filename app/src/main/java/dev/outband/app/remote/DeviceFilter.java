package dev.outband.app.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which devices a source lists: tags (all of them, or any with {@code anyTag}), a host name, connected or not
 * (null: both). The server filters; these are its query parameters.
 */
public record DeviceFilter(List<String> tags, boolean anyTag, String hostname, Boolean connected) {
    public static final DeviceFilter ALL = new DeviceFilter(List.of(), false, null, null);

    public DeviceFilter {
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        if (!tags.isEmpty()) {
            q.put("tags", String.join(",", tags));
            q.put("method", anyTag ? "OR" : "AND");
        }
        if (hostname != null && !hostname.isBlank()) {
            q.put("hostname", hostname);
        }
        if (connected != null) {
            q.put("status", connected ? "1" : "0");
        }
        return q;
    }
}
