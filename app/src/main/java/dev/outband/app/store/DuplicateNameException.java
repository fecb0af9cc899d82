package dev.outband.app.store;

/** A device with this name already exists; names are unique so commands can address devices by name. */
public final class DuplicateNameException extends RuntimeException {
    public DuplicateNameException(String name) {
        super("A device named '" + name + "' already exists");
    }
}
