package dev.outband.wsman.soap;

/** The WS-Man operations, with their request action URIs. */
public enum Operation {
    GET(Namespaces.TRANSFER + "/Get"),
    PUT(Namespaces.TRANSFER + "/Put"),
    CREATE(Namespaces.TRANSFER + "/Create"),
    DELETE(Namespaces.TRANSFER + "/Delete"),
    ENUMERATE(Namespaces.ENUMERATION + "/Enumerate"),
    PULL(Namespaces.ENUMERATION + "/Pull"),
    SUBSCRIBE(Namespaces.EVENTING + "/Subscribe"),
    UNSUBSCRIBE(Namespaces.EVENTING + "/Unsubscribe");

    private final String action;

    Operation(String action) {
        this.action = action;
    }

    public String action() {
        return action;
    }

    public String responseAction() {
        return action + "Response";
    }
}
