package dev.outband.cira.events;

/**
 * Receives listener events on the session's own thread: return quickly and hop to the UI thread
 * yourself. A listener that throws is logged and kept.
 */
@FunctionalInterface
public interface CiraEventListener {
    void onEvent(CiraEvent event);
}
