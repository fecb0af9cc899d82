package dev.outband.kvm.rfb;

/** Where a viewer session stands. */
public enum SessionState {
    /** Handshake done, updates not yet requested. */
    CONNECTED,
    /** Receiving updates. */
    RUNNING,
    /** We closed it. */
    CLOSED,
    /** The device ended the stream between messages (AMT closes idle sessions): offer to reconnect. */
    CLOSED_BY_DEVICE,
    /** Protocol violation, limit exceeded or I/O failure; the reason says which. */
    FAILED;

    public boolean isOver() {
        return this == CLOSED || this == CLOSED_BY_DEVICE || this == FAILED;
    }
}
