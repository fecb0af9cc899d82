package dev.outband.wsman.amt.features;

import java.util.Arrays;
import java.util.Optional;

/** When the device asks its user for a consent code (IPS_OptInService.OptInRequired). */
public enum ConsentPolicy {
    NONE(0, "Not required"),
    KVM(1, "Required for KVM only"),
    ALL(0xFFFFFFFFL, "Always required");

    private final long optInRequired;
    private final String label;

    ConsentPolicy(long optInRequired, String label) {
        this.optInRequired = optInRequired;
        this.label = label;
    }

    public long optInRequired() {
        return optInRequired;
    }

    public String label() {
        return label;
    }

    /** Empty for a value AMT does not define. */
    public static Optional<ConsentPolicy> of(long optInRequired) {
        return Arrays.stream(values()).filter(p -> p.optInRequired == optInRequired).findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
