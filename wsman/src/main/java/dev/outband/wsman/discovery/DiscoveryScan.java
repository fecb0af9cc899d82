package dev.outband.wsman.discovery;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One scan of a range for Intel AMT: a presence ping to every host (paced at the settings' rate) and a TCP
 * probe of its two AMT ports (at most {@code concurrency} hosts at once, each within {@code hostTimeout}),
 * answers merged per address. {@link #run()} blocks; {@link #cancel()} ends it from any thread.
 */
public final class DiscoveryScan {
    /** Called from the scan's threads. */
    public interface Listener {
        /** {@code done} of {@code total} hosts have been probed. */
        default void progress(int done, int total) {
        }

        /** An AMT device was found, or what is known of it grew (a pong after the probe, or the reverse). */
        default void found(DiscoveredDevice device) {
        }
    }

    private final AddressRange range;
    private final DiscoverySettings settings;
    private final Listener listener;
    private final HttpProbe probe;
    private final Map<Integer, Findings> findings = new ConcurrentHashMap<>();
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile Thread runner;

    public DiscoveryScan(AddressRange range, DiscoverySettings settings, Listener listener) {
        this.range = Objects.requireNonNull(range);
        this.settings = Objects.requireNonNull(settings);
        this.listener = Objects.requireNonNull(listener);
        this.probe = new HttpProbe(settings);
    }

    /**
     * Scans the whole range and waits for late pongs; a cancelled scan returns what it found so far.
     *
     * @throws IOException when no UDP socket can be opened
     */
    public ScanResult run() throws IOException {
        runner = Thread.currentThread();
        Instant started = Instant.now();
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / settings.hostsPerSecond();
        Semaphore slots = new Semaphore(settings.concurrency());
        ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
        PresenceSweeper sweeper = PresenceSweeper.open(range, settings.rmcpPort(), this::ponged);
        try {
            for (int i = 0; i < range.size() && !cancelled; i++) {
                sleepUntil(start + i * interval);
                sweeper.ping(i);
                slots.acquire();
                int index = i;
                probes.execute(() -> {
                    try {
                        probeHost(index);
                    } finally {
                        slots.release();
                        listener.progress(done.incrementAndGet(), range.size());
                    }
                });
            }
            long lastPing = System.nanoTime();
            probes.shutdown();
            // Each probe ends within hostTimeout; the margin covers threads that start late on a busy machine.
            if (!probes.awaitTermination(settings.hostTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                probes.shutdownNow();
            }
            sleepUntil(lastPing + settings.pongWait().toNanos());
        } catch (InterruptedException e) {
            cancelled = true;
        } catch (IOException e) {
            // Cancelling closes a socket in use: that failure is the cancel, not an error.
            if (!cancelled) {
                throw e;
            }
        } finally {
            probes.shutdownNow();
            closeQuietly(sweeper);
            runner = null;
            if (cancelled) {
                Thread.interrupted();
            }
        }
        return new ScanResult(range, devices(), Duration.between(started, Instant.now()), cancelled);
    }

    /** Ends a running scan soon: no more pings, probes interrupted, {@link #run()} returns what it has. */
    public void cancel() {
        cancelled = true;
        Thread t = runner;
        if (t != null) {
            t.interrupt();
        }
    }

    private void probeHost(int index) {
        InetAddress address = range.address(index);
        Instant deadline = Instant.now().plus(settings.hostTimeout());
        try {
            for (PortProbe p : new PortProbe[] {probe.probe(address, settings.httpPort(), false, deadline),
                    probe.probe(address, settings.tlsPort(), true, deadline)}) {
                if (p != null) {
                    record(index, f -> f.probes.add(p));
                }
            }
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ponged(int index, PresencePong pong) {
        record(index, f -> f.pong = pong);
    }

    private void record(int index, Consumer<Findings> change) {
        Findings f = findings.computeIfAbsent(index, i -> new Findings());
        DiscoveredDevice merged;
        synchronized (f) {
            change.accept(f);
            merged = f.merge(range.address(index).getHostAddress(), settings.tlsPort());
        }
        if (merged != null) {
            listener.found(merged);
        }
    }

    private List<DiscoveredDevice> devices() {
        List<Integer> indexes = new ArrayList<>(findings.keySet());
        indexes.sort(Comparator.naturalOrder());
        List<DiscoveredDevice> out = new ArrayList<>();
        for (int index : indexes) {
            Findings f = findings.get(index);
            synchronized (f) {
                DiscoveredDevice d = f.merge(range.address(index).getHostAddress(), settings.tlsPort());
                if (d != null) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static void closeQuietly(PresenceSweeper sweeper) {
        try {
            sweeper.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What one address said so far; guarded by its own lock. */
    private static final class Findings {
        private PresencePong pong;
        private final List<PortProbe> probes = new ArrayList<>();

        DiscoveredDevice merge(String address, int tlsPort) {
            return DiscoveredDevice.merge(address, pong, probes, tlsPort);
        }
    }
}
