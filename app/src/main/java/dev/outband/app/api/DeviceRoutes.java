package dev.outband.app.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/v1/devices…} as MPS answers them (src/routes/devices): the list with OData paging, filters in MPS's
 * precedence (hostname, else friendlyName, else tags), the status filter applied after paging and a total
 * that counts every device, as MPS does.
 */
final class DeviceRoutes {
    private final DeviceDirectory directory;
    private final int maxPageSize;

    DeviceRoutes(DeviceDirectory directory, int maxPageSize) {
        this.directory = directory;
        this.maxPageSize = maxPageSize;
    }

    Object handle(ApiRequest request) throws ApiError {
        if (!request.method().equals("GET")) {
            throw ApiError.of(404, "Incorrect URI or Bad Request", "no such route: " + request.method() + " /devices");
        }
        return switch (request.path().size()) {
            case 1 -> list(request.query());
            case 2 -> switch (request.segment(1)) {
                case "stats" -> stats();
                case "tags" -> directory.tags();
                default -> one(request.segment(1));
            };
            default -> throw ApiError.badRequest("no such route: /" + String.join("/", request.path()));
        };
    }

    private Object list(Map<String, String> query) throws ApiError {
        int top = number(query, "$top", maxPageSize);
        int skip = number(query, "$skip", 0);
        List<DeviceDirectory.Entry> all = directory.all();
        List<DeviceDirectory.Entry> chosen = filtered(all, query);
        int from = Math.min(skip, chosen.size());
        int to = (int) Math.min(chosen.size(), (long) from + Math.min(top, maxPageSize));
        List<DeviceDirectory.Entry> page = chosen.subList(from, to);
        String status = query.get("status");
        if (status != null) {
            if (!status.equals("0") && !status.equals("1")) {
                throw ApiError.invalid("status", "query", "status must be 0 or 1");
            }
            boolean connected = status.equals("1");
            page = page.stream().filter(e -> e.connected() == connected).toList();
        }
        List<Map<String, Object>> data = new ArrayList<>(page.size());
        page.forEach(e -> data.add(MpsShapes.device(e)));
        if ("true".equalsIgnoreCase(query.get("$count"))) {
            Map<String, Object> counted = new LinkedHashMap<>();
            counted.put("data", data);
            counted.put("totalCount", all.size());
            return counted;
        }
        return data;
    }

    private static List<DeviceDirectory.Entry> filtered(List<DeviceDirectory.Entry> all, Map<String, String> query)
            throws ApiError {
        if (query.get("hostname") != null) {
            String host = query.get("hostname");
            return all.stream().filter(e -> e.stored().map(d -> d.host().equals(host)).orElse(false)).toList();
        }
        if (query.get("friendlyName") != null) {
            String name = query.get("friendlyName");
            return all.stream().filter(e -> e.stored().map(d -> d.name().equals(name)).orElse(false)).toList();
        }
        if (query.get("tags") != null) {
            Set<String> wanted = Set.of(query.get("tags").split(",")).stream().map(String::strip)
                    .filter(t -> !t.isEmpty()).collect(Collectors.toSet());
            String method = query.getOrDefault("method", "OR").toUpperCase(Locale.ROOT);
            if (!method.equals("AND") && !method.equals("OR")) {
                throw ApiError.invalid("method", "query", "method must be AND or OR");
            }
            boolean matchAll = method.equals("AND");
            return all.stream().filter(e -> e.stored().map(d -> matchAll ? d.tags().containsAll(wanted)
                    : d.tags().stream().anyMatch(wanted::contains)).orElse(false)).toList();
        }
        return all;
    }

    private Map<String, Object> stats() {
        List<DeviceDirectory.Entry> all = directory.all();
        long connected = all.stream().filter(DeviceDirectory.Entry::connected).count();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("totalCount", all.size());
        s.put("connectedCount", connected);
        s.put("disconnectedCount", Math.max(all.size() - connected, 0));
        return s;
    }

    private Object one(String guid) throws ApiError {
        AmtRoutes.checkGuid(guid);
        return MpsShapes.device(directory.find(guid).orElseThrow(() -> ApiError.of(404, "Not Found",
                "no device with guid " + guid)));
    }

    private static int number(Map<String, String> query, String name, int fallback) throws ApiError {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < 0) {
                throw ApiError.invalid(name, "query", name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name, "query", name + " must be a number");
        }
    }
}
