package dev.outband.kvm.session;

import dev.outband.kvm.rfb.Rect;
import java.util.BitSet;

/**
 * Which pixels of a screen have been painted at least once: a rectangle sent twice, or two that overlap, count
 * once. One bit per pixel (8 MiB at 8192²).
 */
final class Coverage {
    private final int width;
    private final int height;
    private final long area;
    private final BitSet painted;
    private long count;

    Coverage(int width, int height) {
        this.width = width;
        this.height = height;
        this.area = (long) width * height;
        this.painted = new BitSet(Math.toIntExact(area));
    }

    /** Marks {@code r} painted, clipped to the screen (an update may resize it midway). */
    void add(Rect r) {
        int x0 = Math.max(0, r.x());
        int x1 = Math.min(width, r.x() + r.width());
        for (int row = Math.max(0, r.y()); row < Math.min(height, r.y() + r.height()) && x0 < x1; row++) {
            int from = row * width + x0;
            int to = row * width + x1;
            for (int i = painted.nextClearBit(from); i < to; ) {
                int next = painted.nextSetBit(i);
                int end = next < 0 || next > to ? to : next;
                count += end - i;
                i = painted.nextClearBit(end);
            }
            painted.set(from, to);
        }
    }

    boolean complete() {
        return count == area;
    }

    /** Painted share in whole percent, rounded down (99 until the last pixel came). */
    int percent() {
        return (int) (count * 100 / area);
    }
}
