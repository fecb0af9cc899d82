package dev.outband.kvm.ider;

import dev.outband.kvm.ider.IderMessage.Close;
import dev.outband.kvm.ider.IderMessage.CommandEnd;
import dev.outband.kvm.ider.IderMessage.CommandWritten;
import dev.outband.kvm.ider.IderMessage.DataToHost;
import dev.outband.kvm.ider.IderMessage.ErrorOccurred;
import dev.outband.kvm.ider.IderMessage.Features;
import dev.outband.kvm.ider.IderMessage.Heartbeat;
import dev.outband.kvm.ider.IderMessage.KeepAlive;
import dev.outband.kvm.ider.IderMessage.OpenSession;
import dev.outband.kvm.ider.IderMessage.OpenSessionReply;
import dev.outband.kvm.ider.IderMessage.ResetAck;
import dev.outband.kvm.ider.IderMessage.ResetOccurred;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console side of an IDE-R session after the redirection handshake: OpenSession, enabling the drives, then
 * answering the ATAPI commands the device's host sends until either side stops. The device asks, the console
 * serves; messages arrive in sequence or the session ends.
 */
public final class IderSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IderSession.class);
    /** MeshCommander refuses a device that reports larger IDE-R buffers. */
    public static final int MAX_DEVICE_BUFFER = 8192;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final IderCodec codec;
    private final IderSettings settings;
    private final AtapiResponder responder;
    private final int chunk;
    private final OpenSessionReply device;
    private final Object writeLock = new Object();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong bytesRead = new AtomicLong();
    private long outSequence;
    private long inSequence;
    private volatile IderListener listener = new IderListener() { };
    private Thread thread;

    private IderSession(Socket socket, IderSettings settings, AtapiResponder responder, OpenSessionReply device,
            long outSequence, long inSequence) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.codec = new IderCodec(settings);
        this.settings = settings;
        this.responder = responder;
        this.device = device;
        this.chunk = Math.min(device.readBuffer(), settings.maxChunk());
        this.outSequence = outSequence;
        this.inSequence = inSequence;
    }

    /**
     * Sends OpenSession on a socket whose redirection handshake (type IDER) is done and checks the device's reply;
     * the caller bounds the time. The drives are enabled when {@link #start} runs.
     */
    public static IderSession open(Socket socket, AtapiResponder responder, IderSettings settings) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(IderCodec.encode(new IderFrame(0, 0, new OpenSession(settings.rxTimeoutMillis(),
                settings.txTimeoutMillis(), settings.heartbeatMillis(), settings.protocolVersion()))));
        out.flush();
        IderFrame first = new IderCodec(settings).read(socket.getInputStream());
        if (first.sequence() != 0) {
            throw new IderException("the device's first IDE-R message is numbered " + first.sequence() + ", not 0");
        }
        if (!(first.message() instanceof OpenSessionReply reply)) {
            throw new IderException(String.format("the device answered the IDE-R OpenSession with message 0x%02X",
                    first.message().id()));
        }
        if (reply.protocol() != 0) {
            throw new IderException("the device speaks IDE-R protocol variant " + reply.protocol()
                    + "; only variant 0 is known");
        }
        for (int buffer : new int[] {reply.readBuffer(), reply.writeBuffer()}) {
            if (buffer == 0 || buffer > MAX_DEVICE_BUFFER) {
                throw new IderException("the device reports an IDE-R buffer of " + buffer
                        + " bytes; 1 to " + MAX_DEVICE_BUFFER + " are valid");
            }
        }
        return new IderSession(socket, settings, responder, reply, 1, 1);
    }

    /** What the device said about itself in its OpenSession reply. */
    public OpenSessionReply device() {
        return device;
    }

    /** Enables the drives (the host sees them at its next boot) and serves on a virtual thread. */
    public void start(IderListener listener) throws IOException {
        this.listener = listener;
        send(0, new Features(false, IderMessage.FEATURES_SET, IderMessage.ENABLE | IderMessage.START_ON_REBOOT));
        socket.setSoTimeout((int) Math.clamp(settings.idleTimeout().toMillis(), 1, Integer.MAX_VALUE));
        thread = Thread.ofVirtual().name("ider-session").start(this::serve);
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** Says goodbye to the device and closes the connection; the listener then hears {@code ended(null)}. */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        Thread closer = Thread.ofVirtual().name("ider-close").start(() -> {
            try {
                send(0, new Close(false));
            } catch (IOException gone) {
                log.debug("IDE-R close not sent: {}", gone.getMessage());
            }
        });
        try {
            closer.join(settings.closeTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
    }

    @Override
    public void close() {
        stop();
        if (thread != null) {
            try {
                thread.join(settings.closeTimeout());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void serve() {
        String problem = null;
        try {
            while (true) {
                IderFrame frame = codec.read(in);
                if (frame.sequence() != inSequence) {
                    throw new IderException("IDE-R message out of sequence: number " + frame.sequence()
                            + " came where " + inSequence + " was due");
                }
                inSequence = inSequence + 1 & 0xFFFF_FFFFL;
                if (!handle(frame)) {
                    problem = "the device closed the IDE-R session";
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            problem = "the device sent nothing for " + settings.idleTimeout().toSeconds() + " s";
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        } finally {
            closeQuietly();
            listener.ended(stopping.get() ? null : problem);
        }
    }

    /** False when the device ended the session. */
    private boolean handle(IderFrame frame) throws IOException {
        switch (frame.message()) {
            case CommandWritten c -> execute(c);
            case KeepAlive k when !k.pong() -> send(0, new KeepAlive(true));
            case KeepAlive k -> { }
            case Heartbeat h -> { }
            // Commands run one at a time here, so nothing is in flight when the host resets.
            case ResetOccurred r -> send(0, new ResetAck());
            case Features f when f.reply() -> {
                if (f.sub() == IderMessage.FEATURES_SET) {
                    if (f.value() != 1) {
                        throw new IderException("the device refused to enable the IDE-R drives (reply " + f.value() + ")");
                    }
                    listener.attached();
                }
            }
            case ErrorOccurred e -> log.warn("the device reported IDE-R error {}", e.reason());
            case Close c -> {
                return false;
            }
            default -> throw new IderException(String.format("unexpected IDE-R message 0x%02X from the device",
                    frame.message().id()));
        }
        return true;
    }

    private void execute(CommandWritten c) throws IOException {
        int drive = c.drive();
        boolean dma = c.dma();
        switch (responder.answer(drive, c.cdb())) {
            case ScsiReply.Status s -> send(IderFrame.ATTR_COMPLETED, new CommandEnd(drive, s.sense()));
            case ScsiReply.Data d when d.bytes().length == 0 ->
                    send(IderFrame.ATTR_COMPLETED, new CommandEnd(drive, Sense.GOOD));
            case ScsiReply.Data d -> {
                byte[] b = d.bytes();
                for (int at = 0; at < b.length; at += chunk) {
                    int n = Math.min(chunk, b.length - at);
                    dataToHost(drive, dma, at + n == b.length, java.util.Arrays.copyOfRange(b, at, at + n));
                }
            }
            case ScsiReply.Read r -> {
                for (long at = 0; at < r.length(); at += chunk) {
                    int n = (int) Math.min(chunk, r.length() - at);
                    dataToHost(drive, dma, at + n == r.length(), r.media().read(r.offset() + at, n));
                    listener.progress(bytesRead.addAndGet(n));
                }
            }
        }
    }

    private void dataToHost(int drive, boolean dma, boolean last, byte[] data) throws IOException {
        int attributes = (last ? IderFrame.ATTR_COMPLETED : 0) | (dma ? IderFrame.ATTR_DMA : 0);
        send(attributes, new DataToHost(drive, dma, last, data));
    }

    private void send(int attributes, IderMessage m) throws IOException {
        synchronized (writeLock) {
            out.write(IderCodec.encode(new IderFrame(attributes, outSequence, m)));
            out.flush();
            outSequence = outSequence + 1 & 0xFFFF_FFFFL;
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // The session is over either way.
        }
    }
}
