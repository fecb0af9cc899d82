package dev.outband.wsman.amt.events;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WS-Eventing subscribers of the device: Subscribe to a CIM_FilterCollection makes a listener
 * (CIM_ListenerDestinationWSManagement) and the CIM_FilterCollectionSubscription joining them; Unsubscribe
 * names that subscription by its Filter and Handler references.
 */
public final class EventSubscriptionService {
    static final String FILTER = "CIM_FilterCollection";
    static final String SUBSCRIPTION = "CIM_FilterCollectionSubscription";
    static final String LISTENER = "CIM_ListenerDestination";
    /** WS-Man's push mode in which the subscriber acknowledges each event (MeshCommander's "Push with ACK"). */
    public static final String PUSH_WITH_ACK = "http://schemas.dmtf.org/wbem/wsman/1/wsman/PushWithAck";
    /** MeshCommander's address field takes at most this many characters. */
    public static final int MAX_ADDRESS = 253;

    private final WsmanClient wsman;

    public EventSubscriptionService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public SubscriptionListing listing() throws WsmanException {
        List<EventFilter> filters = wsman.enumerate(FILTER).stream()
                .map(o -> new EventFilter(o.get("InstanceID"), o.find("CollectionName").orElse(o.get("InstanceID"))))
                .toList();
        Map<String, CimObject> listeners = new HashMap<>();
        for (CimObject o : wsman.enumerate(LISTENER)) {
            listeners.put(o.get("Name"), o);
        }
        List<EventSubscription> subscriptions = new ArrayList<>();
        for (CimObject s : wsman.enumerate(SUBSCRIPTION)) {
            String filter = s.reference("Filter").map(r -> r.selector("InstanceID")).orElse("");
            String name = s.reference("Handler").map(r -> r.selector("Name")).orElse("");
            CimObject listener = listeners.get(name);
            subscriptions.add(new EventSubscription(filter, name, listener == null ? "" : listener.get("Destination"),
                    listener == null ? 0 : (int) listener.getLong("DeliveryMode", 0)));
        }
        return new SubscriptionListing(filters, subscriptions);
    }

    /** Subscribes {@code address} (http or https) to the filter; the device pushes events there with acknowledgement. */
    public void subscribe(String filterId, String address) throws WsmanException {
        String problem = addressProblem(address);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        wsman.subscribe(Reference.of(FILTER, "InstanceID", filterId), PUSH_WITH_ACK, address.strip());
    }

    public void unsubscribe(EventSubscription subscription) throws WsmanException {
        wsman.unsubscribe(Reference.of(SUBSCRIPTION), Reference.of(FILTER, "InstanceID", subscription.filterId()),
                Reference.of("CIM_ListenerDestinationWSManagement", "CreationClassName", "CIM_ListenerDestinationWSMAN",
                        "Name", subscription.listenerName(), "SystemCreationClassName", "CIM_ComputerSystem",
                        "SystemName", "Intel(r) AMT"));
    }

    /** Null when the device can push to this address, else what is wrong with it in words. */
    public static String addressProblem(String address) {
        String text = address == null ? "" : address.strip();
        if (text.isEmpty()) {
            return "Enter the address events go to, e.g. http://192.0.2.10:8080/events.";
        }
        if (text.length() > MAX_ADDRESS) {
            return "The address is longer than the " + MAX_ADDRESS + " characters AMT keeps.";
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "The address must start with http:// or https://.";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "The address needs a host name or IP address.";
            }
            return null;
        } catch (URISyntaxException e) {
            return "This is not a valid address: " + e.getReason() + ".";
        }
    }
}
