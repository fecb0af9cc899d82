package dev.outband.app.cli;

/** A mistake the user can fix; printed as one line, exit code 1. */
public final class UserException extends Exception {
    public UserException(String message) {
        super(message);
    }
}
