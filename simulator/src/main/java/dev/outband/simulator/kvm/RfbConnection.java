package dev.outband.simulator.kvm;

import dev.outband.kvm.rfb.ClientMessage;
import dev.outband.kvm.rfb.Encoding;
import dev.outband.kvm.rfb.PixelFormat;
import dev.outband.kvm.rfb.Rect;
import dev.outband.kvm.rfb.RectHeader;
import dev.outband.kvm.rfb.RfbCodec;
import dev.outband.kvm.rfb.RfbInput;
import dev.outband.kvm.rfb.ServerMessage;
import dev.outband.kvm.rfb.encode.ByteBuf;
import dev.outband.kvm.rfb.encode.PixelPacker;
import dev.outband.kvm.rfb.encode.RawEncoder;
import dev.outband.kvm.rfb.encode.TrleEncoder;
import dev.outband.kvm.rfb.encode.ZrleEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One viewer on the simulator's RFB server: a reading thread for input, this thread for updates. */
final class RfbConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RfbConnection.class);
    private static final int TILE = 64;
    private static final int MAX_TYPED = 400;
    /** How often a pending incremental request re-checks the screen for changes. */
    private static final long FRAME_MILLIS = 100;

    private final RfbServer server;
    private final RfbInput in;
    private final OutputStream out;
    private final RfbCodec codec;
    private final ZrleEncoder zrle;
    private final Object lock = new Object();

    private PixelPacker packer;
    private int encoding = Encoding.RAW.id();
    private ClientMessage.FramebufferUpdateRequest pending;
    private boolean closed;
    private int pointerX;
    private int pointerY;
    private int buttons;
    private final StringBuilder typed = new StringBuilder();

    RfbConnection(RfbServer server, RfbInput in, OutputStream out, RfbCodec codec, PixelFormat format) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.codec = codec;
        this.packer = new PixelPacker(format);
        this.zrle = new ZrleEncoder(server.storedBlocks());
    }

    void run() throws IOException {
        Thread reader = Thread.ofVirtual().name("sim-rfb-input").start(this::readLoop);
        try {
            writeLoop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reader.interrupt();
        }
    }

    private void readLoop() {
        try {
            while (true) {
                handle(codec.readClientMessage(in));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("viewer input ended: {}", e.getMessage());
        } finally {
            synchronized (lock) {
                closed = true;
                lock.notifyAll();
            }
        }
    }

    private void handle(ClientMessage m) throws IOException {
        synchronized (lock) {
            switch (m) {
                case ClientMessage.SetPixelFormat p -> packer = new PixelPacker(accept(p.format()));
                case ClientMessage.SetEncodings e -> encoding = choose(e.encodings());
                case ClientMessage.FramebufferUpdateRequest r -> {
                    // a full request wins over an incremental one already waiting
                    if (pending == null || !r.incremental()) {
                        pending = r;
                    }
                }
                case ClientMessage.KeyEvent k -> {
                    if (k.down()) {
                        type(k.keysym());
                    }
                }
                case ClientMessage.PointerEvent p -> {
                    pointerX = p.x();
                    pointerY = p.y();
                    buttons = p.buttons();
                }
                case ClientMessage.ClientCutText t -> log.debug("viewer sent {} bytes of cut text", t.text().length);
            }
            lock.notifyAll();
        }
    }

    private PixelFormat accept(PixelFormat f) throws IOException {
        if (!f.trueColour()) {
            throw new IOException("colour-mapped pixel formats are not supported");
        }
        if (server.flavour() == RfbServer.Flavour.AMT && f.bitsPerPixel() > 16) {
            throw new IOException("AMT refuses more than 16 bits per pixel");
        }
        return f;
    }

    private int choose(List<Integer> ids) {
        for (int id : ids) {
            if (id == Encoding.ZRLE.id() || id == Encoding.RAW.id()
                    || id == Encoding.TRLE.id() && server.flavour() == RfbServer.Flavour.STANDARD) {
                return id;
            }
        }
        return Encoding.RAW.id();
    }

    private void type(long keysym) {
        if (keysym == 0xFF0D) {
            typed.append('\n');
        } else if (keysym == 0xFF08 && !typed.isEmpty()) {
            typed.setLength(typed.length() - 1);
        } else if (keysym >= 0x20 && keysym <= 0xFF) {
            typed.append((char) keysym);
        }
        if (typed.length() > MAX_TYPED) {
            typed.delete(0, typed.length() - MAX_TYPED);
        }
    }

    private ScreenState state() {
        synchronized (lock) {
            return new ScreenState(server.mode(), server.epochSecond(), pointerX, pointerY, buttons, typed.toString(),
                    server.firmware());
        }
    }

    private void writeLoop() throws IOException, InterruptedException {
        SyntheticScreen screen = server.screen();
        int[] last = null;
        while (true) {
            ClientMessage.FramebufferUpdateRequest req;
            synchronized (lock) {
                while (!closed && pending == null) {
                    lock.wait();
                }
                if (closed) {
                    return;
                }
                req = pending;
            }
            int[] frame = screen.render(state());
            List<Rect> rects = req.incremental() && last != null ? changedTiles(last, frame, screen.width())
                    : allTiles(screen.width(), screen.height());
            if (rects.isEmpty()) {
                synchronized (lock) {
                    lock.wait(FRAME_MILLIS);
                }
                continue;
            }
            PixelPacker p;
            int enc;
            synchronized (lock) {
                pending = null;
                p = packer;
                enc = encoding;
            }
            sendUpdate(frame, screen.width(), rects, p, enc);
            last = frame;
        }
    }

    private void sendUpdate(int[] frame, int stride, List<Rect> rects, PixelPacker p, int enc) throws IOException {
        ByteBuf buf = new ByteBuf(64 * 1024);
        buf.write(RfbCodec.encode(new ServerMessage.FramebufferUpdate(rects.size())));
        for (Rect r : rects) {
            buf.write(RfbCodec.encode(new RectHeader(r.x(), r.y(), r.width(), r.height(), enc)));
            if (enc == Encoding.ZRLE.id()) {
                buf.write(zrle.encode(frame, stride, r, p));
            } else if (enc == Encoding.TRLE.id()) {
                buf.write(new TrleEncoder().encode(frame, stride, r, p));
            } else {
                buf.write(new RawEncoder().encode(frame, stride, r, p));
            }
        }
        out.write(buf.array(), 0, buf.size());
        out.flush();
    }

    private static List<Rect> allTiles(int w, int h) {
        List<Rect> rects = new ArrayList<>();
        for (int y = 0; y < h; y += TILE) {
            for (int x = 0; x < w; x += TILE) {
                rects.add(new Rect(x, y, Math.min(TILE, w - x), Math.min(TILE, h - y)));
            }
        }
        return rects;
    }

    private static List<Rect> changedTiles(int[] before, int[] after, int stride) {
        int h = after.length / stride;
        List<Rect> rects = new ArrayList<>();
        for (Rect t : allTiles(stride, h)) {
            for (int y = t.y(); y < t.y() + t.height(); y++) {
                int from = y * stride + t.x();
                if (!Arrays.equals(before, from, from + t.width(), after, from, from + t.width())) {
                    rects.add(t);
                    break;
                }
            }
        }
        return rects;
    }

    @Override
    public void close() {
        zrle.close();
    }
}
