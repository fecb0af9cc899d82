package dev.outband.kvm.session;

import dev.outband.kvm.rfb.Framebuffer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a framebuffer as a PNG file (no JavaFX needed, for the CLI). */
public final class PngWriter {
    private PngWriter() {}

    public static void write(Framebuffer fb, Path file) throws IOException {
        if (!ImageIO.write(toImage(fb), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    public static BufferedImage toImage(Framebuffer fb) {
        Framebuffer snap = fb.snapshot();
        BufferedImage img = new BufferedImage(snap.width(), snap.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, snap.width(), snap.height(), snap.pixels(), 0, snap.width());
        return img;
    }
}
