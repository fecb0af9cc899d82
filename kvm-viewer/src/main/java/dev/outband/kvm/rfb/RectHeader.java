package dev.outband.kvm.rfb;

/** The 12-byte header before each rectangle of a FramebufferUpdate. */
public record RectHeader(int x, int y, int width, int height, int encoding) {
    public Rect rect() {
        return new Rect(x, y, width, height);
    }
}
