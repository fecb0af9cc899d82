package dev.outband.app.ui.details;

/** Where one section of the details stands: being read, read, or failed with a reason a technician reads. */
public sealed interface Load<T> {
    record Pending<T>() implements Load<T> {
    }

    record Ready<T>(T value) implements Load<T> {
    }

    record Failed<T>(String reason) implements Load<T> {
    }

    static <T> Load<T> pending() {
        return new Pending<>();
    }
}
