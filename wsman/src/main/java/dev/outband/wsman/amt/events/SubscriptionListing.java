package dev.outband.wsman.amt.events;

import java.util.List;

/** The filters a device offers and the subscribers it pushes events to. */
public record SubscriptionListing(List<EventFilter> filters, List<EventSubscription> subscriptions) {
    public SubscriptionListing {
        filters = List.copyOf(filters);
        subscriptions = List.copyOf(subscriptions);
    }
}
