package dev.outband.kvm.ider;

/** Hears an IDE-R session; called on the session's thread, must not block. */
public interface IderListener {
    /** The device accepted the drives: the host sees them from its next boot. */
    default void attached() {
    }

    /** Image bytes the device has read so far. */
    default void progress(long bytesRead) {
    }

    /** The session ended: {@code problem} says why, or is null after {@link IderSession#stop()}. */
    default void ended(String problem) {
    }
}
