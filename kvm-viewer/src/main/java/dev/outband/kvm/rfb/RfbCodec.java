package dev.outband.kvm.rfb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes RFB messages for both ends: the viewer uses it, and so does the simulator's server.
 * Every peer-controlled length is checked against {@link RfbSettings} before it is allocated.
 */
public final class RfbCodec {
    private static final int MAX_ENCODINGS = 1024;

    private final RfbSettings settings;

    public RfbCodec(RfbSettings settings) {
        this.settings = settings;
    }

    public RfbSettings settings() {
        return settings;
    }

    // ---- handshake -------------------------------------------------------------------------

    public static byte[] encodeVersion(ProtocolVersion v) {
        return String.format("RFB %03d.%03d\n", v.major(), v.minor()).getBytes(StandardCharsets.US_ASCII);
    }

    public ProtocolVersion readVersion(RfbInput in) throws IOException {
        byte[] line = in.readBytes(12);
        String s = new String(line, StandardCharsets.US_ASCII);
        if (!s.matches("RFB \\d{3}\\.\\d{3}\n")) {
            throw new RfbProtocolException("not an RFB server: greeting was \"" + s.strip() + "\"");
        }
        return new ProtocolVersion(Integer.parseInt(s.substring(4, 7)), Integer.parseInt(s.substring(8, 11)));
    }

    /** A length-prefixed (u32) string such as a failure reason, bounded by {@code maxReasonBytes}. */
    public String readString(RfbInput in, String what) throws IOException {
        long len = in.u32();
        RfbSettings.check(what + " length", len, settings.maxReasonBytes());
        return new String(in.readBytes((int) len), StandardCharsets.UTF_8);
    }

    public static byte[] encodeString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putU32(out, b.length);
        out.writeBytes(b);
        return out.toByteArray();
    }

    public PixelFormat readPixelFormat(RfbInput in) throws IOException {
        int bpp = in.u8();
        int depth = in.u8();
        boolean bigEndian = in.u8() != 0;
        boolean trueColour = in.u8() != 0;
        int rMax = in.u16();
        int gMax = in.u16();
        int bMax = in.u16();
        int rShift = in.u8();
        int gShift = in.u8();
        int bShift = in.u8();
        in.skip(3);
        if (bpp != 8 && bpp != 16 && bpp != 32) {
            throw new RfbProtocolException("unsupported pixel format: " + bpp + " bits per pixel");
        }
        if (rShift > 31 || gShift > 31 || bShift > 31) {
            throw new RfbProtocolException("pixel format shift out of range");
        }
        return new PixelFormat(bpp, depth, bigEndian, trueColour, rMax, gMax, bMax, rShift, gShift, bShift);
    }

    public static void putPixelFormat(ByteArrayOutputStream out, PixelFormat f) {
        out.write(f.bitsPerPixel());
        out.write(f.depth());
        out.write(f.bigEndian() ? 1 : 0);
        out.write(f.trueColour() ? 1 : 0);
        putU16(out, f.redMax());
        putU16(out, f.greenMax());
        putU16(out, f.blueMax());
        out.write(f.redShift());
        out.write(f.greenShift());
        out.write(f.blueShift());
        out.writeBytes(new byte[3]);
    }

    public ServerInit readServerInit(RfbInput in) throws IOException {
        int w = in.u16();
        int h = in.u16();
        checkSize(w, h);
        PixelFormat f = readPixelFormat(in);
        String name = readString(in, "desktop name");
        return new ServerInit(w, h, f, name);
    }

    public void checkSize(long w, long h) throws RfbProtocolException {
        if (w <= 0 || h <= 0) {
            throw new RfbProtocolException("framebuffer size " + w + "x" + h + " is empty");
        }
        RfbSettings.check("framebuffer width", w, settings.maxWidth());
        RfbSettings.check("framebuffer height", h, settings.maxHeight());
    }

    public static byte[] encode(ServerInit init) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        putU16(out, init.width());
        putU16(out, init.height());
        putPixelFormat(out, init.format());
        out.writeBytes(encodeString(init.name()));
        return out.toByteArray();
    }

    // ---- client messages ---------------------------------------------------------------------

    public static byte[] encode(ClientMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(20);
        switch (m) {
            case ClientMessage.SetPixelFormat p -> {
                out.write(ClientMessage.SET_PIXEL_FORMAT);
                out.writeBytes(new byte[3]);
                putPixelFormat(out, p.format());
            }
            case ClientMessage.SetEncodings e -> {
                out.write(ClientMessage.SET_ENCODINGS);
                out.write(0);
                putU16(out, e.encodings().size());
                e.encodings().forEach(id -> putU32(out, id));
            }
            case ClientMessage.FramebufferUpdateRequest r -> {
                out.write(ClientMessage.FRAMEBUFFER_UPDATE_REQUEST);
                out.write(r.incremental() ? 1 : 0);
                putU16(out, r.x());
                putU16(out, r.y());
                putU16(out, r.width());
                putU16(out, r.height());
            }
            case ClientMessage.KeyEvent k -> {
                out.write(ClientMessage.KEY_EVENT);
                out.write(k.down() ? 1 : 0);
                out.writeBytes(new byte[2]);
                putU32(out, (int) k.keysym());
            }
            case ClientMessage.PointerEvent p -> {
                out.write(ClientMessage.POINTER_EVENT);
                out.write(p.buttons());
                putU16(out, p.x());
                putU16(out, p.y());
            }
            case ClientMessage.ClientCutText t -> {
                out.write(ClientMessage.CLIENT_CUT_TEXT);
                out.writeBytes(new byte[3]);
                putU32(out, t.text().length);
                out.writeBytes(t.text());
            }
        }
        return out.toByteArray();
    }

    /** Server side: reads the next client message. */
    public ClientMessage readClientMessage(RfbInput in) throws IOException {
        int type = in.u8();
        return switch (type) {
            case ClientMessage.SET_PIXEL_FORMAT -> {
                in.skip(3);
                yield new ClientMessage.SetPixelFormat(readPixelFormat(in));
            }
            case ClientMessage.SET_ENCODINGS -> {
                in.skip(1);
                int n = in.u16();
                RfbSettings.check("encoding count", n, MAX_ENCODINGS);
                List<Integer> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(in.s32());
                }
                yield new ClientMessage.SetEncodings(ids);
            }
            case ClientMessage.FRAMEBUFFER_UPDATE_REQUEST ->
                    new ClientMessage.FramebufferUpdateRequest(in.u8() != 0, in.u16(), in.u16(), in.u16(), in.u16());
            case ClientMessage.KEY_EVENT -> {
                boolean down = in.u8() != 0;
                in.skip(2);
                yield new ClientMessage.KeyEvent(down, in.u32());
            }
            case ClientMessage.POINTER_EVENT -> new ClientMessage.PointerEvent(in.u8(), in.u16(), in.u16());
            case ClientMessage.CLIENT_CUT_TEXT -> {
                in.skip(3);
                long len = in.u32();
                RfbSettings.check("cut text length", len, settings.maxCutTextBytes());
                yield new ClientMessage.ClientCutText(in.readBytes((int) len));
            }
            default -> throw new RfbProtocolException("unknown client message type " + type);
        };
    }

    // ---- server messages ---------------------------------------------------------------------

    /** Client side: reads the next server message; for a FramebufferUpdate only the header. */
    public ServerMessage readServerMessage(RfbInput in) throws IOException {
        int type = in.u8();
        return switch (type) {
            case ServerMessage.FRAMEBUFFER_UPDATE -> {
                in.skip(1);
                int n = in.u16();
                RfbSettings.check("rectangles in one update", n, settings.maxRectsPerUpdate());
                yield new ServerMessage.FramebufferUpdate(n);
            }
            case ServerMessage.SET_COLOUR_MAP_ENTRIES -> {
                in.skip(1);
                int first = in.u16();
                int n = in.u16();
                RfbSettings.check("colour map end", (long) first + n, 256);
                int[] colours = new int[n * 3];
                for (int i = 0; i < colours.length; i++) {
                    colours[i] = in.u16();
                }
                yield new ServerMessage.SetColourMapEntries(first, colours);
            }
            case ServerMessage.BELL -> new ServerMessage.Bell();
            case ServerMessage.SERVER_CUT_TEXT -> {
                in.skip(3);
                long len = in.u32();
                RfbSettings.check("server cut text length", len, settings.maxCutTextBytes());
                yield new ServerMessage.ServerCutText(in.readBytes((int) len));
            }
            default -> throw new RfbProtocolException("unknown server message type " + type);
        };
    }

    public RectHeader readRectHeader(RfbInput in) throws IOException {
        return new RectHeader(in.u16(), in.u16(), in.u16(), in.u16(), in.s32());
    }

    public static byte[] encode(ServerMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (m) {
            case ServerMessage.FramebufferUpdate u -> {
                out.write(ServerMessage.FRAMEBUFFER_UPDATE);
                out.write(0);
                putU16(out, u.rectCount());
            }
            case ServerMessage.SetColourMapEntries c -> {
                out.write(ServerMessage.SET_COLOUR_MAP_ENTRIES);
                out.write(0);
                putU16(out, c.firstColour());
                putU16(out, c.count());
                for (int v : c.colours()) {
                    putU16(out, v);
                }
            }
            case ServerMessage.Bell b -> out.write(ServerMessage.BELL);
            case ServerMessage.ServerCutText t -> {
                out.write(ServerMessage.SERVER_CUT_TEXT);
                out.writeBytes(new byte[3]);
                putU32(out, t.text().length);
                out.writeBytes(t.text());
            }
        }
        return out.toByteArray();
    }

    public static byte[] encode(RectHeader h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(12);
        putU16(out, h.x());
        putU16(out, h.y());
        putU16(out, h.width());
        putU16(out, h.height());
        putU32(out, h.encoding());
        return out.toByteArray();
    }

    public static void putU16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    public static void putU32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }
}
