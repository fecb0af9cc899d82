package dev.outband.kvm.bench;

import java.util.Random;

/** A 1920×1080-style desktop: gradient wallpaper, flat windows with text-like detail, a photo-ish area. */
final class SyntheticDesktop {
    private SyntheticDesktop() {}

    static int[] render(int w, int h) {
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                px[y * w + x] = 0xFF000000 | (20 + 60 * y / h) << 16 | (60 + 100 * x / w) << 8 | (120 + 100 * y / h);
            }
        }
        Random rnd = new Random(42);
        window(px, w, 80, 60, 900, 600, rnd);
        window(px, w, 700, 300, 1000, 650, rnd);
        // a photo-like area: noisy, many colours
        for (int y = 100; y < 340; y++) {
            for (int x = 1300; x < 1800; x++) {
                int base = (x * 3 + y * 5) & 0xFF;
                px[y * w + x] = 0xFF000000 | (base + rnd.nextInt(24)) % 256 << 16
                        | (base / 2 + rnd.nextInt(24)) << 8 | (255 - base);
            }
        }
        // taskbar
        for (int y = h - 40; y < h; y++) {
            java.util.Arrays.fill(px, y * w, y * w + w, 0xFF28282F);
        }
        return px;
    }

    /** Title bar, white client area, rows of 1-pixel-stroke "glyphs" like anti-alias-free text. */
    private static void window(int[] px, int stride, int x0, int y0, int ww, int wh, Random rnd) {
        for (int y = y0; y < y0 + wh; y++) {
            int colour = y < y0 + 28 ? 0xFF005AA0 : 0xFFFAFAF5;
            java.util.Arrays.fill(px, y * stride + x0, y * stride + x0 + ww, colour);
        }
        for (int line = y0 + 40; line + 12 < y0 + wh; line += 18) {
            int x = x0 + 10;
            while (x < x0 + ww - 20) {
                int word = 3 + rnd.nextInt(8);
                for (int c = 0; c < word && x < x0 + ww - 20; c++, x += 8) {
                    for (int gy = 0; gy < 11; gy++) {
                        for (int gx = 0; gx < 6; gx++) {
                            if (rnd.nextInt(3) == 0) {
                                px[(line + gy) * stride + x + gx] = 0xFF101010;
                            }
                        }
                    }
                }
                x += 8;
            }
        }
    }
}
