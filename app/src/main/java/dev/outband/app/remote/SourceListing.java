package dev.outband.app.remote;

import dev.outband.app.store.RemoteSource;
import java.util.List;

/**
 * What one source listed: its devices and stats, or the one error that kept it from listing (a source that is
 * down is one error, not one per device).
 */
public record SourceListing(RemoteSource source, List<RemoteDeviceRow> devices, SourceStats stats,
                            SourceException error) {
    public SourceListing {
        devices = List.copyOf(devices);
    }

    static SourceListing failed(RemoteSource source, SourceException error) {
        return new SourceListing(source, List.of(), null, error);
    }

    public boolean ok() {
        return error == null;
    }
}
