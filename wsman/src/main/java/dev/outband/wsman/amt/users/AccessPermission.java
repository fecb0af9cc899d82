package dev.outband.wsman.amt.users;

/** Where an account may log in from (AMT's AccessPermission: 0 local, 1 network, 2 any). */
public enum AccessPermission {
    LOCAL("Local only"), NETWORK("Network only"), ANY("Local and network");

    private final String label;

    AccessPermission(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AccessPermission of(long value) {
        return value >= 0 && value < values().length ? values()[(int) value] : ANY;
    }
}
