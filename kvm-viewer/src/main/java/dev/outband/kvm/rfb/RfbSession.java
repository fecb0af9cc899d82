package dev.outband.kvm.rfb;

import dev.outband.kvm.rfb.decode.DecodeContext;
import dev.outband.kvm.rfb.decode.Decoders;
import dev.outband.kvm.rfb.decode.PixelReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RFB viewer connection over any duplex byte stream (TCP, TLS, an APF channel, a relay).
 * {@link #open} runs the handshake; {@link #start} reads updates on a virtual thread and asks
 * for the next incremental update after each one.
 */
public final class RfbSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RfbSession.class);
    private static final byte[] KVM_EXT_CMD = "\0KvmExtCmd\0".getBytes(StandardCharsets.ISO_8859_1);

    private final RfbInput in;
    private final OutputStream out;
    private final Closeable transport;
    private final RfbOptions options;
    private final RfbCodec codec;
    private final ServerInit serverInit;
    private final Framebuffer framebuffer;
    private final Decoders decoders = new Decoders();
    private final List<RfbListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<SessionState> state = new AtomicReference<>(SessionState.CONNECTED);
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong updates = new AtomicLong();
    private volatile PixelFormat pixelFormat;
    /** A pixel format asked for and not sent yet; it is sent between two updates. */
    private final AtomicReference<PixelFormat> wantedFormat = new AtomicReference<>();
    /** Held while a format is switched, so that the reader and an idle switch never both send one. */
    private final Object formatSwitch = new Object();
    /** Decodes the pixels of updates that start from now on. */
    private volatile PixelReader pixels;
    /** Update requests sent and not yet answered, as far as we can tell (a server may answer two with one update). */
    private final AtomicInteger unanswered = new AtomicInteger();
    /** The format last switched to, until an update arrives in it: a server that hangs up meanwhile refused it. */
    private volatile PixelFormat unconfirmedFormat;
    private volatile String reason = "";
    private volatile boolean viewOnly;
    private Thread reader;

    private RfbSession(RfbInput in, OutputStream out, Closeable transport, RfbOptions options, ServerInit init) {
        this.in = in;
        this.out = out;
        this.transport = transport;
        this.options = options;
        this.codec = new RfbCodec(options.settings());
        this.serverInit = init;
        this.framebuffer = new Framebuffer(init.width(), init.height());
    }

    /**
     * Runs the RFB handshake on the streams. {@code transport} is closed with the session (the socket).
     */
    public static RfbSession open(InputStream input, OutputStream output, Closeable transport, RfbOptions options)
            throws IOException {
        RfbInput in = new RfbInput(input);
        ServerInit init = new RfbHandshake(new RfbCodec(options.settings()))
                .run(in, output, options.password(), options.shared());
        log.info("connected to \"{}\" {}x{} ({})", init.name(), init.width(), init.height(), init.format());
        return new RfbSession(in, output, transport, options, init);
    }

    public ServerInit serverInit() {
        return serverInit;
    }

    public Framebuffer framebuffer() {
        return framebuffer;
    }

    public PixelFormat pixelFormat() {
        return pixelFormat;
    }

    public SessionState state() {
        return state.get();
    }

    /** Why the session ended, in words for the technician. */
    public String reason() {
        return reason;
    }

    /** Bytes received so far, for the bandwidth figure. */
    public long bytesReceived() {
        return bytesIn.get();
    }

    /** FramebufferUpdates decoded so far, for the frame-rate figure. */
    public long updatesReceived() {
        return updates.get();
    }

    public void addListener(RfbListener l) {
        listeners.add(l);
    }

    public void removeListener(RfbListener l) {
        listeners.remove(l);
    }

    public void setViewOnly(boolean on) {
        viewOnly = on;
    }

    public boolean isViewOnly() {
        return viewOnly;
    }

    /** Sends the pixel format and encodings, asks for the whole screen and starts reading. */
    public synchronized void start() throws IOException {
        if (reader != null) {
            return;
        }
        PixelFormat format = options.pixelFormat().apply(serverInit);
        pixelFormat = format;
        send(new ClientMessage.SetPixelFormat(format));
        List<Integer> ids = new ArrayList<>();
        options.encodings().forEach(e -> ids.add(e.id()));
        ids.add(Encoding.LAST_RECT.id());
        ids.add(Encoding.DESKTOP_SIZE.id());
        ids.add(Encoding.EXTENDED_DESKTOP_SIZE.id());
        ids.add(Encoding.CURSOR.id());
        send(new ClientMessage.SetEncodings(ids));
        requestFullUpdate();
        state.set(SessionState.RUNNING);
        reader = Thread.ofVirtual().name("rfb-" + serverInit.name()).start(this::readLoop);
    }

    /**
     * Switches pixel format. An update already on its way is in the old format, and nothing in it says so:
     * SetPixelFormat goes out right after an update ends when no other request is unanswered, together with the
     * next (full) request, so every later update is in the new format (TigerVNC's viewer does the same). Until
     * then no new request is sent, so the updates still due drain. When nothing arrives for
     * {@link RfbSettings#formatSwitchIdle()} (an unchanging screen), nothing is on its way and the switch is made.
     */
    public void setPixelFormat(PixelFormat format) {
        wantedFormat.set(format);
        Thread.ofVirtual().name("rfb-format").start(this::switchWhenIdle);
    }

    private void switchWhenIdle() {
        try {
            while (wantedFormat.get() != null && !state.get().isOver()) {
                long seen = bytesIn.get();
                Thread.sleep(options.settings().formatSwitchIdle());
                synchronized (formatSwitch) {
                    if (bytesIn.get() == seen && !state.get().isOver() && !switchFormat() && unanswered.get() == 0) {
                        requestFullUpdate();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.debug("pixel format not sent: {}", e.getMessage());
        }
    }

    /** Sends the wanted format and a full request; true when there was one to send. Holds {@link #formatSwitch}. */
    private boolean switchFormat() throws IOException {
        PixelFormat next = wantedFormat.getAndSet(null);
        if (next == null || next.equals(pixelFormat)) {
            return false;
        }
        pixels = new PixelReader(next);
        pixelFormat = next;
        unconfirmedFormat = next;
        send(new ClientMessage.SetPixelFormat(next));
        requestFullUpdate();
        return true;
    }

    public void requestFullUpdate() throws IOException {
        send(new ClientMessage.FramebufferUpdateRequest(false, 0, 0, framebuffer.width(), framebuffer.height()));
    }

    public void sendKey(boolean down, long keysym) throws IOException {
        if (!viewOnly) {
            send(new ClientMessage.KeyEvent(down, keysym));
        }
    }

    public void sendPointer(int buttons, int x, int y) throws IOException {
        if (!viewOnly) {
            int px = Math.clamp(x, 0, framebuffer.width() - 1);
            int py = Math.clamp(y, 0, framebuffer.height() - 1);
            send(new ClientMessage.PointerEvent(buttons, px, py));
        }
    }

    public void sendCutText(String text) throws IOException {
        send(new ClientMessage.ClientCutText(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Intel's KVM extension command (e.g. 2 = decimation, 4 = zlib); only when the device supports it. */
    public void sendKvmExtCmd(int command, int value) throws IOException {
        if (!options.intelExtensions()) {
            throw new IllegalStateException("Intel KVM extensions are off for this session");
        }
        byte[] text = new byte[KVM_EXT_CMD.length + 2];
        System.arraycopy(KVM_EXT_CMD, 0, text, 0, KVM_EXT_CMD.length);
        text[KVM_EXT_CMD.length] = (byte) command;
        text[KVM_EXT_CMD.length + 1] = (byte) value;
        send(new ClientMessage.ClientCutText(text));
    }

    private void send(ClientMessage m) throws IOException {
        if (m instanceof ClientMessage.FramebufferUpdateRequest) {
            unanswered.incrementAndGet();
        }
        byte[] bytes = RfbCodec.encode(m);
        synchronized (out) {
            out.write(bytes);
            out.flush();
        }
    }

    private void readLoop() {
        pixels = new PixelReader(pixelFormat);
        UpdateReader updateReader = new UpdateReader(codec, decoders);
        try {
            while (!state.get().isOver()) {
                ServerMessage m = codec.readServerMessage(in);
                switch (m) {
                    case ServerMessage.FramebufferUpdate u -> {
                        DecodeContext ctx = new DecodeContext(framebuffer, pixels, options.settings());
                        UpdateReader.Result r = updateReader.read(in, u.rectCount(), ctx);
                        updates.incrementAndGet();
                        synchronized (formatSwitch) {
                            bytesIn.set(in.bytesRead());
                            unconfirmedFormat = null;
                            boolean more = unanswered.updateAndGet(n -> Math.max(0, n - 1)) > 0;
                            if (wantedFormat.get() == null) {
                                send(new ClientMessage.FramebufferUpdateRequest(true, 0, 0, framebuffer.width(),
                                        framebuffer.height()));
                            } else if (!more && !switchFormat()) {
                                send(new ClientMessage.FramebufferUpdateRequest(true, 0, 0, framebuffer.width(),
                                        framebuffer.height()));
                            }
                        }
                        fire(r);
                    }
                    case ServerMessage.SetColourMapEntries c -> pixels.setColours(c.firstColour(), c.colours());
                    case ServerMessage.Bell b -> listeners.forEach(RfbListener::bell);
                    case ServerMessage.ServerCutText t -> {
                        String text = new String(t.text(), StandardCharsets.ISO_8859_1);
                        listeners.forEach(l -> l.serverCutText(text));
                    }
                }
                bytesIn.set(in.bytesRead());
            }
        } catch (EOFException e) {
            PixelFormat refused = unconfirmedFormat;
            end(SessionState.CLOSED_BY_DEVICE, refused == null
                    ? "the device closed the session (idle timeout or another viewer)"
                    : "the device closed the session when asked for " + refused.label() + " (a format it does not accept)");
        } catch (RfbProtocolException e) {
            end(SessionState.FAILED, e.getMessage());
        } catch (SocketException e) {
            end(state.get() == SessionState.CLOSED ? SessionState.CLOSED : SessionState.CLOSED_BY_DEVICE,
                    "connection lost: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            end(SessionState.FAILED, "session failed: " + e);
        } finally {
            decoders.close();
        }
    }

    private void fire(UpdateReader.Result r) {
        for (RfbListener l : listeners) {
            if (r.resized()) {
                l.resized(framebuffer.width(), framebuffer.height());
            }
            if (r.cursor() != null) {
                l.cursorChanged(r.cursor());
            }
            l.updated(r.painted(), r.rects());
        }
    }

    private void end(SessionState s, String why) {
        SessionState before = state.getAndUpdate(old -> old.isOver() ? old : s);
        if (before.isOver()) {
            return;
        }
        reason = why;
        if (s == SessionState.FAILED) {
            log.warn("RFB session to \"{}\" failed: {}", serverInit.name(), why);
        } else {
            log.info("RFB session to \"{}\" ended: {}", serverInit.name(), why);
        }
        closeTransport();
        listeners.forEach(l -> l.stateChanged(s, why));
    }

    /** Waits for the reading thread to finish (tests, CLI). */
    public boolean awaitEnd(java.time.Duration timeout) throws InterruptedException {
        Thread t = reader;
        return t == null || t.join(timeout);
    }

    private void closeTransport() {
        try {
            transport.close();
        } catch (IOException e) {
            log.debug("closing transport: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        SessionState before = state.getAndUpdate(old -> old.isOver() ? old : SessionState.CLOSED);
        closeTransport();
        if (reader == null) {
            decoders.close();
        }
        if (!before.isOver()) {
            reason = "closed by the user";
            listeners.forEach(l -> l.stateChanged(SessionState.CLOSED, reason));
        }
    }
}
