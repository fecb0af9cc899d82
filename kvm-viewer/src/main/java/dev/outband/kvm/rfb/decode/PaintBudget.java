package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.RfbProtocolException;
import dev.outband.kvm.rfb.RfbSettings;

/**
 * The pixels one FramebufferUpdate may paint, {@link RfbSettings#maxOverdraw()} times the screen: an RRE
 * subrectangle costs the server twelve bytes and us up to a full-screen fill, so without a bound a few
 * megabytes buy hours of work. Overrunning fails the session with a message.
 */
public final class PaintBudget {
    private final int overdraw;
    private final long limit;
    private long used;

    private PaintBudget(int overdraw, long limit) {
        this.overdraw = overdraw;
        this.limit = limit;
    }

    public static PaintBudget forUpdate(Framebuffer fb, RfbSettings settings) {
        return new PaintBudget(settings.maxOverdraw(), (long) settings.maxOverdraw() * fb.width() * fb.height());
    }

    /** Counts {@code pixels} about to be painted by {@code what}. */
    public void charge(String what, long pixels) throws RfbProtocolException {
        used += pixels;
        if (used > limit) {
            throw new RfbProtocolException("one update paints more than " + overdraw + " times the screen's area ("
                    + what + "); no honest server needs that");
        }
    }
}
