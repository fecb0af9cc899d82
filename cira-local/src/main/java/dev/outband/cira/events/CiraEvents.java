package dev.outband.cira.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to subscribers; one subscriber's failure never reaches a session. */
public final class CiraEvents {
    private static final Logger log = LoggerFactory.getLogger(CiraEvents.class);

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
                log.warn("CIRA event listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
