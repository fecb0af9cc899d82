package dev.outband.app.transfer;

import dev.outband.app.store.DeviceDraft;
import java.util.List;

/** A device list read from a file: the usable entries with their line numbers, and the lines refused. */
public record ParsedList(List<Entry> entries, List<Rejection> rejected) {
    /** A usable entry: where it starts and, in a JSON list, its number from 1 (0 in CSV). */
    public record Entry(int line, int entry, DeviceDraft draft) {
        public Entry(int line, DeviceDraft draft) {
            this(line, 0, draft);
        }
    }

    public ParsedList {
        entries = List.copyOf(entries);
        rejected = List.copyOf(rejected);
    }
}
