package dev.outband.kvm.rfb;

import java.util.Arrays;

/**
 * Off-screen opaque ARGB pixels written by the session's thread, plus the union of regions changed
 * since the view last took them. Pixel writes are unsynchronised (a view may see a half-drawn
 * frame for one pulse); size and dirty bookkeeping are guarded.
 */
public final class Framebuffer {
    public static final int OPAQUE = 0xFF000000;

    private int width;
    private int height;
    private int[] pixels;
    private int dirtyX0;
    private int dirtyY0;
    private int dirtyX1;
    private int dirtyY1;

    public Framebuffer(int width, int height) {
        allocate(width, height);
    }

    private void allocate(int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("framebuffer size must be positive: " + w + "x" + h);
        }
        width = w;
        height = h;
        pixels = new int[Math.multiplyExact(w, h)];
        Arrays.fill(pixels, OPAQUE);
        markDirty(0, 0, w, h);
    }

    public synchronized int width() {
        return width;
    }

    public synchronized int height() {
        return height;
    }

    /** The live pixel array, row-major, {@code width} ints per row; replaced on resize. */
    public synchronized int[] pixels() {
        return pixels;
    }

    public synchronized void resize(int w, int h) {
        if (w != width || h != height) {
            allocate(w, h);
        }
    }

    public synchronized void markDirty(int x, int y, int w, int h) {
        if (w <= 0 || h <= 0) {
            return;
        }
        if (dirtyX1 <= dirtyX0) {
            dirtyX0 = x;
            dirtyY0 = y;
            dirtyX1 = x + w;
            dirtyY1 = y + h;
        } else {
            dirtyX0 = Math.min(dirtyX0, x);
            dirtyY0 = Math.min(dirtyY0, y);
            dirtyX1 = Math.max(dirtyX1, x + w);
            dirtyY1 = Math.max(dirtyY1, y + h);
        }
    }

    /** Returns the union of regions changed since the last call, or null when nothing changed. */
    public synchronized Rect takeDirty() {
        if (dirtyX1 <= dirtyX0) {
            return null;
        }
        Rect r = new Rect(dirtyX0, dirtyY0, dirtyX1 - dirtyX0, dirtyY1 - dirtyY0);
        dirtyX0 = dirtyY0 = dirtyX1 = dirtyY1 = 0;
        return r;
    }

    public boolean contains(Rect r) {
        return contains(r.x(), r.y(), r.width(), r.height());
    }

    public synchronized boolean contains(long x, long y, long w, long h) {
        return x >= 0 && y >= 0 && w >= 0 && h >= 0 && x + w <= width && y + h <= height;
    }

    public void fill(int x, int y, int w, int h, int argb) {
        int[] px = pixels;
        int stride = width;
        for (int row = y; row < y + h; row++) {
            int start = row * stride + x;
            Arrays.fill(px, start, start + w, argb);
        }
    }

    /** Copies a region within the framebuffer; overlapping regions are handled. */
    public void copy(int srcX, int srcY, int x, int y, int w, int h) {
        int[] px = pixels;
        int stride = width;
        if (srcY < y) {
            for (int row = h - 1; row >= 0; row--) {
                System.arraycopy(px, (srcY + row) * stride + srcX, px, (y + row) * stride + x, w);
            }
        } else {
            for (int row = 0; row < h; row++) {
                System.arraycopy(px, (srcY + row) * stride + srcX, px, (y + row) * stride + x, w);
            }
        }
    }

    private Framebuffer(int width, int height, int[] pixels) {
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** A copy of the current pixels, for screenshots: one array copy, nothing else (8192² is 256 MiB). */
    public synchronized Framebuffer snapshot() {
        return new Framebuffer(width, height, Arrays.copyOf(pixels, pixels.length));
    }

    public int pixel(int x, int y) {
        return pixels[y * width + x];
    }
}
