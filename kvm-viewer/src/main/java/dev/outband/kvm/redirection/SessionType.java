package dev.outband.kvm.redirection;

import java.nio.charset.StandardCharsets;

/** What a StartRedirectionSession asks for; the wire form is fixed per type. */
public enum SessionType {
    KVM(1, "KVMR"),
    SOL(0, "SOL "),
    IDER(0, "IDER");

    private final int flag;
    private final byte[] tag;

    SessionType(int flag, String tag) {
        this.flag = flag;
        this.tag = tag.getBytes(StandardCharsets.US_ASCII);
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
