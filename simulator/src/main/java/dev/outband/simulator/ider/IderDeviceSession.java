package dev.outband.simulator.ider;

import dev.outband.kvm.ider.IderCodec;
import dev.outband.kvm.ider.IderException;
import dev.outband.kvm.ider.IderFrame;
import dev.outband.kvm.ider.IderMessage;
import dev.outband.kvm.ider.IderMessage.Close;
import dev.outband.kvm.ider.IderMessage.CommandEnd;
import dev.outband.kvm.ider.IderMessage.CommandWritten;
import dev.outband.kvm.ider.IderMessage.DataToHost;
import dev.outband.kvm.ider.IderMessage.Features;
import dev.outband.kvm.ider.IderMessage.Heartbeat;
import dev.outband.kvm.ider.IderMessage.KeepAlive;
import dev.outband.kvm.ider.IderMessage.OpenSession;
import dev.outband.kvm.ider.IderMessage.OpenSessionReply;
import dev.outband.kvm.ider.IderMessage.ResetAck;
import dev.outband.kvm.ider.IderSettings;
import dev.outband.kvm.ider.Sense;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The device side of one IDE-R session (after the redirection handshake): answers OpenSession and the drive
 * enable, heartbeats, and lets the virtual firmware send ATAPI commands to the console and collect the answers.
 */
final class IderDeviceSession implements DriveAccess {
    /** The device's read and write buffers, as AMT reports them (MeshCommander accepts up to 8192). */
    static final int BUFFER = 8192;
    /** Intel's IANA enterprise number. */
    private static final long INTEL_IANA = 343;

    private final InputStream in;
    private final OutputStream out;
    private final IderCodec codec;
    private final Duration commandTimeout;
    private final BlockingQueue<IderMessage> answers = new LinkedBlockingQueue<>();
    private final Object writeLock = new Object();
    private long outSequence;
    private long inSequence;
    private volatile boolean closed;

    IderDeviceSession(InputStream in, OutputStream out, IderSettings settings, Duration commandTimeout) {
        this.in = in;
        this.out = out;
        this.codec = new IderCodec(settings);
        this.commandTimeout = commandTimeout;
    }

    /** OpenSession and the enable request; false when the console asked for something else. */
    boolean open() throws IOException {
        if (!(next() instanceof OpenSession)) {
            return false;
        }
        send(0, new OpenSessionReply(1, 0, 16, 1, BUFFER, BUFFER, 0, INTEL_IANA, new byte[0]));
        if (!(next() instanceof Features f) || f.reply() || f.sub() != IderMessage.FEATURES_SET) {
            return false;
        }
        boolean enabled = (f.value() & IderMessage.ENABLE) != 0;
        send(0, new Features(true, IderMessage.FEATURES_SET, enabled ? 1 : 0));
        return enabled;
    }

    /** Reads the console's messages until it closes; answers go to the command waiting for them. */
    void serve(Duration heartbeat) throws IOException {
        Thread beat = Thread.ofVirtual().name("sim-ider-heartbeat").start(() -> heartbeats(heartbeat));
        try {
            while (true) {
                IderMessage m = next();
                switch (m) {
                    case DataToHost d -> answers.add(d);
                    case CommandEnd e -> answers.add(e);
                    case KeepAlive k when !k.pong() -> send(0, new KeepAlive(true));
                    case KeepAlive k -> { }
                    case Heartbeat h -> { }
                    case ResetAck a -> { }
                    case Close c -> {
                        if (!c.reply()) {
                            send(0, new Close(true));
                        }
                        return;
                    }
                    default -> throw new IderException(String.format("unexpected IDE-R message 0x%02X from the console",
                            m.id()));
                }
            }
        } finally {
            closed = true;
            beat.interrupt();
        }
    }

    @Override
    public synchronized Result command(int drive, byte[] cdb) throws IOException {
        if (closed) {
            throw new IOException("the IDE-R session has ended");
        }
        answers.clear();
        send(0, new CommandWritten(0, 0xFFFF, drive, cdb));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + commandTimeout.toNanos();
        while (true) {
            IderMessage m;
            try {
                m = answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the console", e);
            }
            if (m == null) {
                throw new IOException(String.format("the console did not answer IDE-R command 0x%02X within %d s",
                        cdb[0] & 0xFF, commandTimeout.toSeconds()));
            }
            switch (m) {
                case DataToHost d -> {
                    data.writeBytes(d.data());
                    if (d.last()) {
                        return new Result(data.toByteArray(), Sense.GOOD);
                    }
                }
                case CommandEnd e -> {
                    return new Result(data.toByteArray(), e.sense());
                }
                default -> throw new IllegalStateException("only command answers are queued");
            }
        }
    }

    private void heartbeats(Duration every) {
        try {
            while (!closed) {
                Thread.sleep(every);
                send(0, new Heartbeat());
            }
        } catch (InterruptedException | IOException ended) {
            // The session is over; the reading side reports why.
        }
    }

    private IderMessage next() throws IOException {
        IderFrame f = codec.read(in);
        if (f.sequence() != inSequence) {
            throw new IderException("IDE-R message out of sequence from the console: " + f.sequence() + " where "
                    + inSequence + " was due");
        }
        inSequence++;
        return f.message();
    }

    private void send(int attributes, IderMessage m) throws IOException {
        synchronized (writeLock) {
            out.write(IderCodec.encode(new IderFrame(attributes, outSequence++, m)));
            out.flush();
        }
    }
}
