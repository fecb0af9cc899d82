package dev.outband.app.store;

import java.util.Objects;

/** How a device is reached: directly by host, through a local CIRA tunnel (AMT UUID), or an MPS (guid). */
public record Reach(Kind kind, String id) {
    public enum Kind { DIRECT, CIRA, MPS }

    public static final Reach DIRECT = new Reach(Kind.DIRECT, null);

    public Reach {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.DIRECT && (id == null || id.isBlank())) {
            throw new IllegalArgumentException(kind + " reach needs an id");
        }
        if (kind == Kind.DIRECT) {
            id = null;
        }
    }

    public static Reach cira(String uuid) {
        return new Reach(Kind.CIRA, uuid);
    }

    public static Reach mps(String guid) {
        return new Reach(Kind.MPS, guid);
    }
}
