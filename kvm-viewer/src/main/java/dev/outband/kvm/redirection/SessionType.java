package dev.outband.kvm.redirection;

import java.nio.charset.StandardCharsets;

/** What a StartRedirectionSession asks for; the wire form is fixed per type. */
public enum SessionType {
    KVM(1, "KVMR", "KVM"),
    SOL(0, "SOL ", "Serial-over-LAN"),
    IDER(0, "IDER", "IDE-R");

    private final int flag;
    private final byte[] tag;
    private final String label;

    SessionType(int flag, String tag, String label) {
        this.flag = flag;
        this.tag = tag.getBytes(StandardCharsets.US_ASCII);
        this.label = label;
    }

    /** The name a technician knows the feature by. */
    public String label() {
        return label;
    }

    int flag() {
        return flag;
    }

    byte[] tag() {
        return tag.clone();
    }

    static SessionType of(byte[] tag) {
        for (SessionType t : values()) {
            if (java.util.Arrays.equals(t.tag, tag)) {
                return t;
            }
        }
        return null;
    }
}
