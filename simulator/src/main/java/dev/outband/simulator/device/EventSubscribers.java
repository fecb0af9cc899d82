package dev.outband.simulator.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who the device pushes its events to: each WS-Eventing Subscribe makes a listener (named by the device) joined
 * to one filter. The filter names are Intel's own (Intel LMS subscribes to "Intel(r) AMT:All" and checks for
 * "Intel(r) AMT:Features").
 */
public final class EventSubscribers {
    public static final List<String> FILTERS = List.of("Intel(r) AMT:All", "Intel(r) AMT:Features");

    /** One subscriber; deliveryMode as CIM_ListenerDestination numbers it (2 push, 3 push with ACK). */
    public record Subscriber(String filter, String listenerName, String destination, int deliveryMode) {
    }

    /** Why a Subscribe was refused. */
    public enum Refusal { NO_SUCH_FILTER, DUPLICATE, FULL }

    private final int limit;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private int named;

    EventSubscribers(int limit) {
        this.limit = limit;
    }

    /** Adds a subscriber, or says why not. */
    public synchronized Optional<Refusal> subscribe(String filter, String destination, int deliveryMode) {
        if (!FILTERS.contains(filter)) {
            return Optional.of(Refusal.NO_SUCH_FILTER);
        }
        if (subscribers.stream().anyMatch(s -> s.filter().equals(filter) && s.destination().equals(destination))) {
            return Optional.of(Refusal.DUPLICATE);
        }
        if (subscribers.size() >= limit) {
            return Optional.of(Refusal.FULL);
        }
        subscribers.add(new Subscriber(filter, "Intel(r) AMT:Subscriber " + ++named, destination, deliveryMode));
        return Optional.empty();
    }

    /** True when a subscription joined this filter and listener. */
    public synchronized boolean unsubscribe(String filter, String listenerName) {
        return subscribers.removeIf(s -> s.filter().equals(filter) && s.listenerName().equals(listenerName));
    }

    public synchronized List<Subscriber> all() {
        return List.copyOf(subscribers);
    }
}
