package dev.outband.wsman.amt.events;

/**
 * One subscriber: the filter it receives (CIM_FilterCollectionSubscription.Filter), the listener the device
 * pushes to (CIM_ListenerDestinationWSManagement: Name, Destination) and how (DeliveryMode).
 */
public record EventSubscription(String filterId, String listenerName, String destination, int deliveryMode) {

    /** CIM_ListenerDestination.DeliveryMode as MeshCommander names it. */
    public String deliveryLabel() {
        return switch (deliveryMode) {
            case 2 -> "Push";
            case 3 -> "Push with ACK";
            case 4 -> "Events";
            case 5 -> "Pull";
            default -> "Unknown (" + deliveryMode + ")";
        };
    }
}
