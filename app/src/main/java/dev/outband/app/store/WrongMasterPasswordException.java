package dev.outband.app.store;

/** The master password given does not open this store. */
public final class WrongMasterPasswordException extends Exception {
    public WrongMasterPasswordException() {
        super("Wrong master password: the store stays locked");
    }
}
