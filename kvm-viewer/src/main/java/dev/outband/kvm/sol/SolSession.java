package dev.outband.kvm.sol;

import dev.outband.kvm.redirection.RedirectionException;
import dev.outband.kvm.sol.SolMessage.DataFromHost;
import dev.outband.kvm.sol.SolMessage.EndReply;
import dev.outband.kvm.sol.SolMessage.LineStatus;
import dev.outband.kvm.sol.SolMessage.Ping;
import dev.outband.kvm.sol.SolMessage.StartReply;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started Serial-over-LAN session: the host's serial output comes from {@link #read()} (one reader thread),
 * keystrokes go out with {@link #send} (any thread). A heartbeat keeps the session alive as MeshCommander does.
 */
public final class SolSession implements Closeable {
    private final InputStream in;
    private final OutputStream out;
    private final Closeable transport;
    private final SolSettings settings;
    private final Object writeLock = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile int lineStatus;
    private long seq;
    private Thread keepAlive;

    private SolSession(InputStream in, OutputStream out, Closeable transport, SolSettings settings) {
        this.in = in;
        this.out = out;
        this.transport = transport;
        this.settings = settings;
    }

    /**
     * Sends the SOL start message on an authenticated "SOL " redirection session and waits for the device's
     * answer. The caller bounds the wait (the handshake deadline).
     */
    public static SolSession start(InputStream in, OutputStream out, Closeable transport, SolSettings settings)
            throws IOException {
        SolSession session = new SolSession(in, out, transport, settings);
        session.write(seq -> SolMessage.Start.of(seq, settings));
        while (true) {
            SolMessage m = SolCodec.readFromDevice(in);
            if (m instanceof StartReply reply) {
                if (reply.status() != 0) {
                    throw new RedirectionException("the device refused to start Serial-over-LAN (status "
                            + reply.status() + ")");
                }
                break;
            }
            if (m instanceof LineStatus l) {
                session.lineStatus = l.status();
            } else if (!(m instanceof SolMessage.Heartbeat)) {
                throw new RedirectionException("expected the Serial-over-LAN start reply, got " + m);
            }
        }
        session.write(SolMessage.ConsoleReady::new);
        session.keepAlive = Thread.ofVirtual().name("sol-keepalive").start(session::keepAlive);
        return session;
    }

    /** The next bytes the host wrote to its serial port; {@code null} once the device ended the session. */
    public byte[] read() throws IOException {
        reading.set(true);
        try {
            while (true) {
                SolMessage m = SolCodec.readFromDevice(in);
                switch (m) {
                    case DataFromHost d -> {
                        return d.data();
                    }
                    case LineStatus l -> lineStatus = l.status();
                    case Ping p -> write(SolMessage.Pong::new);
                    case EndReply e -> {
                        ended.countDown();
                        return null;
                    }
                    case StartReply r -> throw new RedirectionException("the device started Serial-over-LAN twice");
                    default -> { }
                }
            }
        } finally {
            reading.set(false);
        }
    }

    /** The host's serial output as a stream; it ends when the device ends the session. */
    public InputStream serialInput() {
        return new InputStream() {
            private byte[] chunk = new byte[0];
            private int pos;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (pos == chunk.length) {
                    byte[] next = SolSession.this.read();
                    if (next == null) {
                        return -1;
                    }
                    chunk = next;
                    pos = 0;
                }
                int n = Math.min(len, chunk.length - pos);
                System.arraycopy(chunk, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }

    /** Keystrokes for the host, in data messages of at most {@link SolSettings#maxChunk()} bytes. */
    public void send(byte[] keys) throws IOException {
        for (int off = 0; off < keys.length; off += settings.maxChunk()) {
            byte[] part = Arrays.copyOfRange(keys, off, Math.min(keys.length, off + settings.maxChunk()));
            write(seq -> new SolMessage.DataToHost(seq, part));
        }
    }

    /** The last line status the device reported (bit 4: the system is powered on). */
    public int lineStatus() {
        return lineStatus;
    }

    /**
     * Ends the session as amtterm does: the end message, the device's reply (within
     * {@link SolSettings#endTimeout()} when a reader is there to see it), then the connection closes.
     */
    @Override
    public void close() throws IOException {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (keepAlive != null) {
            keepAlive.interrupt();
        }
        try {
            write(SolMessage.End::new);
            if (reading.get()) {
                ended.await(settings.endTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException alreadyGone) {
            // The device or the network ended it first; closing is all that is left.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.close();
        }
    }

    private void keepAlive() {
        try {
            while (!closed.get()) {
                Thread.sleep(settings.keepAlive());
                write(SolMessage.Heartbeat::new);
            }
        } catch (InterruptedException | IOException stopped) {
            // Closed, or the connection broke: the reader reports the failure.
        }
    }

    @FunctionalInterface
    private interface Numbered {
        SolMessage at(long seq);
    }

    /** One outgoing sequence counter for every message, as MeshCommander keeps it. */
    private void write(Numbered message) throws IOException {
        synchronized (writeLock) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("Serial-over-LAN session closed");
            }
            out.write(SolCodec.encode(message.at(++seq & 0xFFFF_FFFFL)));
            out.flush();
        }
    }
}
