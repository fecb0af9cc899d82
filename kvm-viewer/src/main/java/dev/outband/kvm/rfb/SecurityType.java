package dev.outband.kvm.rfb;

/** RFB security types we know by name. */
public final class SecurityType {
    public static final int INVALID = 0;
    public static final int NONE = 1;
    public static final int VNC_AUTH = 2;
    /** Offered by AMT next to None; unused by consoles. */
    public static final int AMT_PROPRIETARY = 0x80;

    private SecurityType() {}
}
