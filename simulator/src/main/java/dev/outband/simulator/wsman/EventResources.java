package dev.outband.simulator.wsman;

import dev.outband.simulator.device.EventSubscribers;
import dev.outband.simulator.device.EventSubscribers.Subscriber;
import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.amt.events.EventSubscriptionService;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.ResponseEnvelope;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Event subscriptions as MeshCommander drives them: filters (CIM_FilterCollection) a Subscribe names, the
 * listeners it makes (CIM_ListenerDestinationWSManagement, enumerated as CIM_ListenerDestination) and the
 * subscriptions joining the two (CIM_FilterCollectionSubscription), which Unsubscribe names by Filter and Handler.
 */
final class EventResources {
    private static final String FILTER = "CIM_FilterCollection";
    private static final String LISTENER = "CIM_ListenerDestinationWSManagement";
    private static final String PUSH = "http://schemas.xmlsoap.org/ws/2004/08/eventing/DeliveryModes/Push";
    private static final String PUSH_WITH_ACK = "http://schemas.dmtf.org/wbem/wsman/1/wsman/PushWithAck";
    /** CIM_ListenerDestination.DeliveryMode values. */
    private static final Map<String, Integer> MODES = Map.of(PUSH, 2, PUSH_WITH_ACK, 3);

    private EventResources() {
    }

    static List<ResourceClass> all() {
        return List.of(
                ResourceClass.of(FILTER, d -> EventSubscribers.FILTERS.stream().map(f -> Instance.of(FILTER)
                                .with("CollectionName", f)
                                .with("ElementName", f)
                                .with("InstanceID", f)).toList())
                        .keys("InstanceID")
                        .subscribe(EventResources::subscribe)
                        .build(),
                ResourceClass.of("CIM_ListenerDestination", d -> d.subscribers().all().stream()
                        .map(EventResources::listener).toList()).build(),
                ResourceClass.of("CIM_FilterCollectionSubscription", d -> d.subscribers().all().stream()
                                .map(s -> Instance.of("CIM_FilterCollectionSubscription")
                                        .with("Filter", filter(s.filter()))
                                        .with("Handler", handler(s.listenerName()))).toList())
                        .unsubscribe((d, selectors) -> {
                            Reference filter = selectors.get("Filter");
                            Reference handler = selectors.get("Handler");
                            if (filter == null || handler == null
                                    || !d.subscribers().unsubscribe(filter.selector("InstanceID"), handler.selector("Name"))) {
                                throw SoapFault.invalidSelectors();
                            }
                        })
                        .build());
    }

    private static void subscribe(VirtualDevice d, Map<String, String> selectors,
                                  Element body) throws SoapFault {
        Element delivery = ResponseEnvelope.child(body, Namespaces.EVENTING, "Delivery");
        Element notifyTo = delivery == null ? null : ResponseEnvelope.child(delivery, Namespaces.EVENTING, "NotifyTo");
        Element address = notifyTo == null ? null : ResponseEnvelope.child(notifyTo, Namespaces.ADDRESSING, "Address");
        if (address == null) {
            throw new SoapFault("Sender", Namespaces.EVENTING, "InvalidMessage", "Subscribe without Delivery/NotifyTo");
        }
        Integer mode = MODES.get(delivery.getAttribute("Mode"));
        if (mode == null) {
            throw new SoapFault("Sender", Namespaces.EVENTING, "DeliveryModeRequestedUnavailable",
                    "The requested delivery mode is not supported.");
        }
        String destination = address.getTextContent().trim();
        // The same rule as the console's check: an http(s) URL with a host, at most 253 characters.
        if (EventSubscriptionService.addressProblem(destination) != null) {
            throw new SoapFault("Sender", Namespaces.WSMAN, "InvalidParameter",
                    "The NotifyTo address is not an http or https URL: " + destination);
        }
        var refusal = d.subscribers().subscribe(selectors.getOrDefault("InstanceID", ""), destination, mode);
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case NO_SUCH_FILTER -> SoapFault.invalidSelectors();
                case DUPLICATE -> new SoapFault("Sender", Namespaces.WSMAN, "AlreadyExists",
                        "This address already receives this filter's events.");
                case FULL -> new SoapFault("Receiver", Namespaces.WSMAN, "QuotaLimit",
                        "The device holds no more subscribers.");
            };
        }
    }

    private static Instance listener(Subscriber s) {
        return Instance.of(LISTENER)
                .with("CreationClassName", "CIM_ListenerDestinationWSMAN")
                .with("DeliveryMode", s.deliveryMode())
                .with("Destination", s.destination())
                .with("Name", s.listenerName())
                .with("SystemCreationClassName", "CIM_ComputerSystem")
                .with("SystemName", "Intel(r) AMT");
    }

    private static Reference filter(String id) {
        return Reference.of(FILTER, "InstanceID", id);
    }

    private static Reference handler(String name) {
        return Reference.of(LISTENER, "CreationClassName", "CIM_ListenerDestinationWSMAN", "Name", name,
                "SystemCreationClassName", "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");
    }
}
