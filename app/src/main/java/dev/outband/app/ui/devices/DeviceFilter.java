package dev.outband.app.ui.devices;

import dev.outband.app.store.Device;
import java.util.Locale;
import java.util.function.Predicate;

/** The table's search and tag filter as one predicate: text matches name, host or a tag; tag must be present. */
public record DeviceFilter(String query, String tag) implements Predicate<Device> {
    public DeviceFilter {
        query = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(Device d) {
        if (tag != null && !d.tags().contains(tag)) {
            return false;
        }
        if (query.isEmpty()) {
            return true;
        }
        return contains(d.name()) || contains(d.host()) || d.tags().stream().anyMatch(this::contains);
    }

    private boolean contains(String s) {
        return s.toLowerCase(Locale.ROOT).contains(query);
    }
}
