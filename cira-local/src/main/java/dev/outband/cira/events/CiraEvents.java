package dev.outband.cira.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/** Fans events out to subscribers; one subscriber's failure never reaches a session. */
public final class CiraEvents {

    private final List<CiraEventListener> listeners = new CopyOnWriteArrayList<>();

    /** An event subscription; closing it unsubscribes. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public Subscription subscribe(CiraEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(CiraEvent event) {
        for (CiraEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                // Looked up here: the console makes its event hub at start-up, before logging is wanted.
                LoggerFactory.getLogger(CiraEvents.class).warn("CIRA event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
