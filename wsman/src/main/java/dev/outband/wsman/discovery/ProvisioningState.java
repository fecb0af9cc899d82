package dev.outband.wsman.discovery;

/** AMT's provisioning state as the presence pong carries it in bits 0–1 of byte 19. */
public enum ProvisioningState {
    PRE("not provisioned"), IN("being provisioned"), POST("provisioned");

    private final String words;

    ProvisioningState(String words) {
        this.words = words;
    }

    /** The two bits on the wire; 3 is not defined and read as "unknown" by the caller. */
    public static ProvisioningState fromBits(int bits) {
        return switch (bits & 0x3) {
            case 0 -> PRE;
            case 1 -> IN;
            case 2 -> POST;
            default -> null;
        };
    }

    public int bits() {
        return ordinal();
    }

    /** How a technician reads it. */
    public String words() {
        return words;
    }
}
