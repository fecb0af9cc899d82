package dev.outband.wsman.amt.events;

/** A set of events a subscriber can receive (CIM_FilterCollection), e.g. "Intel(r) AMT:All". */
public record EventFilter(String instanceId, String name) {
    private static final String PREFIX = "Intel(r) AMT:";

    /** The name without AMT's "Intel(r) AMT:" prefix, as MeshCommander lists it. */
    public String label() {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }

    @Override
    public String toString() {
        return label();
    }
}
