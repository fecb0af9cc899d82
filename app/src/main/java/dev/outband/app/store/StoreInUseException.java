package dev.outband.app.store;

import java.nio.file.Path;

/** Another process has the store open; the message names it when it can. */
public final class StoreInUseException extends StoreException {
    StoreInUseException(Path folder, Throwable cause) {
        super(message(folder), cause);
    }

    private static String message(Path folder) {
        return StoreOwner.holder(folder)
                .map(h -> h.what().equals(DeviceStore.CONSOLE)
                        ? "The device store is open in the console (pid " + h.pid() + "). A command that changes the store"
                        + " cannot run beside the console (one process holds the store: its H2 file is locked and its key is"
                        + " in that process only; devices list, info, power and kvm screenshot are run by the console):"
                        + " use the console's window for this, or close the console and run the command again."
                        : "The device store is open in " + h.what() + " (pid " + h.pid() + "); close it, or wait "
                        + "until it is done, and try again. Only one Outband process can use " + folder + " at a time.")
                .orElse("The device store in " + folder + " is open in another process; close it (the Outband "
                        + "console or a running outband command) and try again.");
    }
}
