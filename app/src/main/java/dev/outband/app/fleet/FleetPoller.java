package dev.outband.app.fleet;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceState;
import dev.outband.app.store.Reach;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.amt.power.PowerStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every stored device's reachability and power state in the background: one virtual thread per device,
 * at most {@link FleetSettings#concurrency()} at once, backing off from devices that do not answer. CIRA devices
 * whose tunnel is gone read as offline without a network call; devices of remote sources are left to their
 * source. A sweep's changes go to the store in one transaction.
 */
public final class FleetPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetPoller.class);

    private final DeviceRepository repository;
    private final DeviceConnections connections;
    private final Supplier<FleetSettings> settings;
    private final Clock clock;
    private final Consumer<Map<Long, DeviceStatus>> swept;
    private final Map<Long, Backoff> backoff = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private final AtomicBoolean everyone = new AtomicBoolean();
    private volatile Thread loop;
    private volatile boolean stopped;

    /** {@code swept} gets each sweep's new statuses by device id, on the poller's thread. */
    public FleetPoller(DeviceRepository repository, DeviceConnections connections, Supplier<FleetSettings> settings,
                       Clock clock, Consumer<Map<Long, DeviceStatus>> swept) {
        this.repository = repository;
        this.connections = connections;
        this.settings = settings;
        this.clock = clock;
        this.swept = swept;
    }

    /** A device that did not answer {@code failures} times in a row, asked again at {@code next}. */
    public record Backoff(int failures, Instant next) {
    }

    /** Polls every device that is due now, records what changed and returns the statuses learned. */
    public Map<Long, DeviceStatus> sweep() throws InterruptedException {
        FleetSettings now = settings.get();
        Instant start = clock.instant();
        boolean all = everyone.getAndSet(false);
        List<Device> due = repository.findAll().stream()
                .filter(d -> d.id() != null && d.reach().kind() != Reach.Kind.MPS)
                .filter(d -> all || !backoff.containsKey(d.id()) || !backoff.get(d.id()).next().isAfter(start))
                .toList();
        Semaphore permits = new Semaphore(now.concurrency());
        Map<Long, Future<DeviceStatus>> running = new HashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Device d : due) {
                running.put(d.id(), threads.submit(() -> {
                    permits.acquire();
                    try {
                        return poll(d);
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        Map<Long, DeviceStatus> statuses = new HashMap<>();
        for (Device d : due) {
            DeviceStatus status = result(running.get(d.id()));
            statuses.put(d.id(), status);
            note(d, status, now);
        }
        if (stopped) {
            return statuses;
        }
        record(due, statuses, now);
        swept.accept(Map.copyOf(statuses));
        return statuses;
    }

    /** When a device that stopped answering is asked again; empty while it answers. */
    public Optional<Backoff> backoff(long id) {
        return Optional.ofNullable(backoff.get(id));
    }

    /**
     * Sweeps every period on a virtual thread until {@link #close()}. A Refresh asked for during a sweep starts the
     * next one as soon as this one ends.
     */
    public synchronized void start() {
        if (loop != null) {
            return;
        }
        loop = Thread.ofVirtual().name("fleet-poller").start(() -> {
            try {
                while (!stopped) {
                    wake.drainPermits();
                    try {
                        sweep();
                    } catch (RuntimeException e) {
                        // A store that failed once (closed, full disk) must not end polling for good.
                        LOG.warn("Fleet poll failed: {}", e.getMessage());
                    }
                    wake.tryAcquire(settings.get().period().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Sweeps at once, asking also the devices it backs off from (the user pressed Refresh). */
    public void pollNow() {
        everyone.set(true);
        wake.release();
    }

    /**
     * Stops after the sweep under way, without interrupting it: an interrupt that meets the store's file channel
     * closes it (ClosedByInterruptException), and with it the device store for the rest of the session.
     */
    @Override
    public synchronized void close() {
        stopped = true;
        wake.release();
    }

    private DeviceStatus poll(Device d) {
        if (d.reach().kind() == Reach.Kind.CIRA && !connections.tunnelOpen(d.reach().id())) {
            return new DeviceStatus(DeviceStatus.Reachability.OFFLINE, null, "not connected to the lab listener",
                    clock.instant());
        }
        try {
            PowerStatus power = connections.device(d).powerState();
            return new DeviceStatus(DeviceStatus.Reachability.ONLINE, power.name(), null, clock.instant());
        } catch (WsmanException.Unreachable | WsmanException.NetworkTimeout e) {
            return new DeviceStatus(DeviceStatus.Reachability.OFFLINE, null, e.getMessage(), clock.instant());
        } catch (WsmanException e) {
            // It answered but refused us (credentials, certificate): reachable, power state unknown.
            return new DeviceStatus(DeviceStatus.Reachability.ONLINE, null, e.getMessage(), clock.instant());
        } catch (IOException | RuntimeException e) {
            return new DeviceStatus(DeviceStatus.Reachability.OFFLINE, null, e.getMessage(), clock.instant());
        }
    }

    private static DeviceStatus result(Future<DeviceStatus> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            return new DeviceStatus(DeviceStatus.Reachability.OFFLINE, null, String.valueOf(e.getCause()), null);
        }
    }

    /** Doubles the wait for a direct device that did not answer, up to the cap; an answer ends the backoff. */
    private void note(Device d, DeviceStatus status, FleetSettings now) {
        if (status.online() || d.reach().kind() == Reach.Kind.CIRA) {
            backoff.remove(d.id());
            return;
        }
        int failures = backoff.containsKey(d.id()) ? backoff.get(d.id()).failures() + 1 : 1;
        Duration wait = now.period().multipliedBy(1L << Math.min(failures, 20));
        if (wait.compareTo(now.backoffCap()) > 0) {
            wait = now.backoffCap();
        }
        backoff.put(d.id(), new Backoff(failures, clock.instant().plus(wait)));
    }

    /** Writes in one transaction the power states that changed and last-seen times grown stale; nothing else. */
    private void record(List<Device> due, Map<Long, DeviceStatus> statuses, FleetSettings now) {
        Map<Long, DeviceState> changed = new HashMap<>();
        for (Device d : due) {
            DeviceStatus s = statuses.get(d.id());
            if (!s.online() || s.powerState() == null) {
                continue;
            }
            Instant seen = d.state().lastSeen();
            boolean stale = seen == null || seen.plus(now.seenWriteInterval()).isBefore(s.checked());
            if (!s.powerState().equals(d.state().powerState()) || stale) {
                changed.put(d.id(), new DeviceState(s.powerState(), null, s.checked()));
            }
        }
        if (!changed.isEmpty()) {
            repository.updateStates(changed);
        }
    }
}
