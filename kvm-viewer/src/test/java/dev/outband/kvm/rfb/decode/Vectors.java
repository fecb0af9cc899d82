package dev.outband.kvm.rfb.decode;

import dev.outband.kvm.rfb.Framebuffer;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.RfbSettings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;

/** Builds hand-made ZRLE/TRLE byte vectors and runs a decoder over them. */
final class Vectors {
    private Vectors() {}

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    /** RGB565 little-endian CPIXEL bytes of an ARGB colour. */
    static byte[] rgb565(int argb) {
        int v = ((argb >> 16 & 255) * 31 + 127) / 255 << 11 | ((argb >> 8 & 255) * 63 + 127) / 255 << 5
                | ((argb & 255) * 31 + 127) / 255;
        return bytes(v, v >>> 8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A ZRLE payload (u32 length + zlib) for plain tile bytes, continuing {@code deflater}'s stream. */
    static byte[] zrlePayload(Deflater deflater, byte[] plain) {
        deflater.setInput(plain);
        byte[] buf = new byte[plain.length * 2 + 64];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        return concat(bytes(n >>> 24, n >>> 16, n >>> 8, n), java.util.Arrays.copyOf(buf, n));
    }

    static Framebuffer decode(Decoder decoder, byte[] stream, RectHeader r, PixelFormat f, int fbW, int fbH)
            throws IOException {
        Framebuffer fb = new Framebuffer(fbW, fbH);
        decode(decoder, stream, r, f, fb);
        return fb;
    }

    static void decode(Decoder decoder, byte[] stream, RectHeader r, PixelFormat f, Framebuffer fb)
            throws IOException {
        RfbInput in = new RfbInput(new ByteArrayInputStream(stream));
        decoder.decode(in, r, new DecodeContext(fb, new PixelReader(f), RfbSettings.defaults()));
    }

    /** ARGB as RGB565 would show it (quantised and expanded like PixelReader does). */
    static int quantised565(int argb) {
        return new PixelReader(PixelFormat.RGB565).read(rgb565(argb), 0);
    }
}
