package dev.outband.kvm.rfb;

/** An "RFB xxx.yyy\n" version line. AMT announces 4.0 and speaks 3.8. */
public record ProtocolVersion(int major, int minor) {
    public static final ProtocolVersion V3_3 = new ProtocolVersion(3, 3);
    public static final ProtocolVersion V3_7 = new ProtocolVersion(3, 7);
    public static final ProtocolVersion V3_8 = new ProtocolVersion(3, 8);
    public static final ProtocolVersion AMT = new ProtocolVersion(4, 0);

    /** The version a client answers with. */
    public ProtocolVersion negotiate() throws RfbProtocolException {
        if (major == 3 && minor < 3 || major < 3) {
            throw new RfbProtocolException("server speaks RFB " + this + ", older than 3.3");
        }
        if (major == 3 && minor < 7) {
            return V3_3;
        }
        if (major == 3 && minor == 7) {
            return V3_7;
        }
        return V3_8;
    }

    public boolean atLeast(ProtocolVersion other) {
        return major > other.major || major == other.major && minor >= other.minor;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
