package dev.outband.kvm.rfb;

/** A rectangle in framebuffer pixels. */
public record Rect(int x, int y, int width, int height) {

    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }

    public long area() {
        return isEmpty() ? 0 : (long) width * height;
    }

    public Rect union(Rect other) {
        if (other == null || other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        int x0 = Math.min(x, other.x);
        int y0 = Math.min(y, other.y);
        int x1 = Math.max(x + width, other.x + other.width);
        int y1 = Math.max(y + height, other.y + other.height);
        return new Rect(x0, y0, x1 - x0, y1 - y0);
    }
}
