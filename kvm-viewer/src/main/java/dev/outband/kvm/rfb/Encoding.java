package dev.outband.kvm.rfb;

/** RFB encoding and pseudo-encoding numbers, with names for logs. */
public enum Encoding {
    RAW(0),
    COPY_RECT(1),
    RRE(2),
    HEXTILE(5),
    TIGHT(7),
    TRLE(15),
    ZRLE(16),
    INTEL_KVM_DATA(1092),
    DESKTOP_SIZE(-223),
    LAST_RECT(-224),
    CURSOR(-239),
    EXTENDED_DESKTOP_SIZE(-308);

    private final int id;

    Encoding(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** The encoding with this wire number, or null when we do not know it. */
    public static Encoding of(int id) {
        for (Encoding e : values()) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }

    public static String nameOf(int id) {
        Encoding e = of(id);
        return e == null ? "encoding " + id : e.name();
    }
}
