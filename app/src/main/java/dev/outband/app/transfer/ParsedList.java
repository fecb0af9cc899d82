package dev.outband.app.transfer;

import dev.outband.app.store.DeviceDraft;
import java.util.List;

/** A device list read from a file: the usable entries with their line numbers, and the lines refused. */
public record ParsedList(List<Entry> entries, List<Rejection> rejected) {
    public record Entry(int line, DeviceDraft draft) {
    }

    public ParsedList {
        entries = List.copyOf(entries);
        rejected = List.copyOf(rejected);
    }
}
