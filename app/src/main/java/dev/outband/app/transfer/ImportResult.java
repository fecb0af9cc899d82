package dev.outband.app.transfer;

import java.util.List;

/** What an import did: the names imported and the lines refused, ordered by line. */
public record ImportResult(List<String> imported, List<Rejection> rejected) {
    public ImportResult {
        imported = List.copyOf(imported);
        rejected = List.copyOf(rejected);
    }

    public boolean partial() {
        return !rejected.isEmpty();
    }
}
