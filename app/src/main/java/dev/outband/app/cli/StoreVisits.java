package dev.outband.app.cli;

import dev.outband.app.store.DeviceStore;
import java.io.IOException;

/**
 * Short visits to the store for a command that talks to devices: it reads what it needs, closes the store, waits
 * on the network, and comes back to write what it learned. The console or another command can open the store
 * in between. A master password typed at the prompt is asked once per command.
 */
final class StoreVisits {
    /** What one visit does. */
    @FunctionalInterface
    interface Visit<T> {
        T in(DeviceStore store) throws IOException, UserException;
    }

    private final CliContext ctx;
    private char[] masterPassword;

    StoreVisits(CliContext ctx) {
        this.ctx = ctx;
    }

    <T> T visit(Visit<T> visit) throws IOException, UserException {
        try (DeviceStore store = ctx.openStore(this::masterPassword)) {
            return visit.in(store);
        }
    }

    private synchronized char[] masterPassword() {
        if (masterPassword == null) {
            masterPassword = ctx.masterPassword();
        }
        return masterPassword == null ? null : masterPassword.clone();
    }
}
