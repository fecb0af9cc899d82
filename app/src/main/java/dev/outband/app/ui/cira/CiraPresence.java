package dev.outband.app.ui.cira;

import java.util.Locale;
import java.util.Set;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * Which CIRA devices are connected now, for the device table. The table asks per visible cell and
 * redraws only when {@link #version()} moves, so 10,000 rows cost nothing while nobody connects.
 */
public final class CiraPresence {
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private Set<String> connected = Set.of();

    public boolean isConnected(String uuid) {
        return uuid != null && connected.contains(uuid.toLowerCase(Locale.ROOT));
    }

    /** Bumped on the FX thread each time the set changes. */
    public ReadOnlyIntegerProperty version() {
        return version.getReadOnlyProperty();
    }

    /** Called on the FX thread with the UUIDs connected now (lower-case text). */
    void update(Set<String> now) {
        if (!now.equals(connected)) {
            connected = Set.copyOf(now);
            version.set(version.get() + 1);
        }
    }
}
