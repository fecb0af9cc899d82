package dev.outband.app.transfer;

/** A file that cannot be read as a device list at all (not a single bad line). */
public final class TransferException extends Exception {
    public TransferException(String message) {
        super(message);
    }

    public TransferException(String message, Throwable cause) {
        super(message, cause);
    }
}
