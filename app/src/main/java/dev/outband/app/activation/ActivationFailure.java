package dev.outband.app.activation;

/** Ends a session with an error message to the client; the text is said to both sides as it is. */
final class ActivationFailure extends Exception {
    ActivationFailure(String message) {
        super(message);
    }

    ActivationFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
