package dev.outband.kvm.session;

import dev.outband.kvm.rfb.Framebuffer;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a framebuffer as a PNG file (no JavaFX needed, for the CLI). */
public final class PngWriter {
    private static final DirectColorModel RGB = new DirectColorModel(24, 0xFF0000, 0x00FF00, 0x0000FF);

    private PngWriter() {}

    /** {@code frame} should be a {@link Framebuffer#snapshot()}: its pixels are written as they are, not copied. */
    public static void write(Framebuffer frame, Path file) throws IOException {
        if (!ImageIO.write(toImage(frame), "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    /** An RGB image over the frame's own pixel array (no copy: an 8192² frame is 256 MiB). */
    public static BufferedImage toImage(Framebuffer frame) {
        int w = frame.width();
        int h = frame.height();
        DataBufferInt pixels = new DataBufferInt(frame.pixels(), w * h);
        WritableRaster raster = Raster.createPackedRaster(pixels, w, h, w, RGB.getMasks(), null);
        return new BufferedImage(RGB, raster, false, null);
    }
}
