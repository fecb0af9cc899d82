package dev.outband.app.store;

import java.util.List;
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

    /**
     * The names the lab listener gives a CIRA device it registers, the short one first ({@code cira-} and the UUID's
     * first group, or the whole UUID when that is taken); none for other devices. A device still under one of them
     * was not renamed by the user.
     */
    public List<String> listenerNames() {
        if (kind != Kind.CIRA) {
            return List.of();
        }
        int dash = id.indexOf('-');
        return List.of("cira-" + (dash < 0 ? id : id.substring(0, dash)), "cira-" + id);
    }
}
