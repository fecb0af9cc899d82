package dev.outband.simulator.cira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.cira.apf.ApfCodec;
import dev.outband.cira.apf.ApfMessage;
import dev.outband.cira.apf.ApfMessage.KeepAliveRequest;
import dev.outband.cira.apf.ApfMessage.ProtocolVersion;
import dev.outband.cira.apf.ApfMessage.ServiceRequest;
import dev.outband.cira.apf.ApfMessage.UserAuthRequest;
import dev.outband.cira.apf.DeviceUuid;
import dev.outband.cira.events.CiraEvent;
import dev.outband.cira.listener.CiraListener;
import dev.outband.cira.listener.ListenerSettings;
import dev.outband.cira.listener.ThrottleSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Good devices and hostile clients on one listener at once: pre-auth memory, never-reading peers,
 * password guessers, slow-loris and random APF. Good devices keep answering through their tunnels,
 * and afterwards threads, file descriptors and heap are back to where they started. CI runs a few
 * hundred devices for seconds; {@code -Doutband.soak.devices=2000 -Doutband.soak.seconds=120} is the
 * full run.
 */
@Timeout(600)
class ListenerSoakTest {
    private static final int DEVICES = Integer.getInteger("outband.soak.devices", 200);
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("outband.soak.seconds", 15));
    private static final int HOSTILE_PER_KIND = 4;
    private static final Duration READ_EVERY = Duration.ofSeconds(3);
    /** Each attacker's pause between attempts: a hostile client with a network of its own, not a CPU race. */
    private static final Duration ATTACK_PAUSE = Duration.ofMillis(100);

    @Test
    void goodDevicesKeepWorkingWhileHostileClientsRunAndNothingLeaks() throws Exception {
        long baselineThreads = platformThreads();
        long baselineFds = openFileDescriptors();
        long baselineHeap = usedHeapAfterGc();
        ListenerSettings settings = CiraTestLab.settings().withMaxConnections(DEVICES + 200)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(2))
                .withPeerLimits(ListenerSettings.defaults().peerLimits().withWriteTimeout(Duration.ofSeconds(2)))
                .withThrottle(new ThrottleSettings(Duration.ofMillis(100), Duration.ofSeconds(1), 5,
                        Duration.ofMinutes(5), 1000, Duration.ofMinutes(1), 1000));
        List<CiraClient> devices = new ArrayList<>();
        List<DeviceUuid> uuids = new ArrayList<>();
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> goodDropped = new ConcurrentLinkedQueue<>();
        try (CiraListener listener = CiraTestLab.startListener(settings)) {
            connectAll(listener, devices, uuids);
            Set<DeviceUuid> good = Set.copyOf(uuids);
            listener.subscribe(e -> {
                if (e instanceof CiraEvent.Disconnected d && good.contains(d.device())) {
                    goodDropped.add(d.reason() + " (" + d.detail() + ")");
                }
            });
            long end = System.nanoTime() + RUN.toNanos();
            List<Thread> hostile = new ArrayList<>();
            for (int i = 0; i < HOSTILE_PER_KIND; i++) {
                hostile.add(repeat(end, () -> preAuthMemory(listener)));
                hostile.add(repeat(end, () -> neverReading(listener)));
                hostile.add(repeat(end, () -> guess(listener)));
                hostile.add(repeat(end, () -> slowLoris(listener)));
                hostile.add(repeat(end, () -> randomApf(listener, new Random())));
            }
            Random pick = new Random(14);
            while (System.nanoTime() < end) {
                Thread.sleep(READ_EVERY);
                for (int i = 0; i < Math.min(20, uuids.size()); i++) {
                    DeviceUuid uuid = uuids.get(pick.nextInt(uuids.size()));
                    try {
                        assertThat(CiraTestLab.get(listener.socketFactory(uuid), "/wsman"))
                                .isEqualTo("you sent GET /wsman HTTP/1.1");
                        reads.incrementAndGet();
                    } catch (IOException | AssertionError e) {
                        failures.add(uuid + ": " + e.getMessage());
                    }
                }
            }
            for (Thread t : hostile) {
                t.join(Duration.ofSeconds(30));
            }
            System.out.printf("soak: %d devices, %d reads through tunnels in %d s, %d failed, %d connections%n",
                    DEVICES, reads.get(), RUN.toSeconds(), failures.size(), listener.connectionCount());
            assertThat(goodDropped).as("good devices dropped by the listener").isEmpty();
            assertThat(failures).as("reads through good devices' tunnels").isEmpty();
            assertThat(listener.connectedDevices()).hasSizeGreaterThanOrEqualTo(DEVICES);
        } finally {
            for (CiraClient device : devices) {
                device.close();
            }
        }
        assertBackToBaseline(baselineThreads, baselineFds, baselineHeap);
    }

    private static void connectAll(CiraListener listener, List<CiraClient> devices, List<DeviceUuid> uuids)
            throws Exception {
        Semaphore inFlight = new Semaphore(16);
        List<Thread> starting = new ArrayList<>();
        for (int i = 0; i < DEVICES; i++) {
            DeviceUuid uuid = CiraTestLab.randomUuid();
            CiraClient client = CiraClient.start(CiraTestLab.device(listener, uuid, CiraTestLab.PASSWORD)
                    .withKeepAliveInterval(Duration.ofSeconds(2)));
            devices.add(client);
            uuids.add(uuid);
            inFlight.acquire();
            starting.add(Thread.ofVirtual().start(() -> {
                try {
                    client.awaitForwarding(Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    inFlight.release();
                }
            }));
        }
        for (Thread t : starting) {
            t.join(Duration.ofSeconds(90));
        }
        assertThat(devices).allSatisfy(d -> assertThat(d.isForwarding()).isTrue());
    }

    private interface Attack {
        void run() throws Exception;
    }

    /**
     * Runs {@code attack} again and again until {@code end}; what the listener does to it is its business.
     * A platform thread: attackers run on machines of their own, not on the listener's carrier threads.
     */
    private static Thread repeat(long end, Attack attack) {
        return Thread.ofPlatform().daemon().start(() -> {
            while (System.nanoTime() < end) {
                try {
                    attack.run();
                } catch (Exception | AssertionError dropped) {
                    // Being cut off is the expected outcome of every attack.
                }
                try {
                    Thread.sleep(ATTACK_PAUSE);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    private static void preAuthMemory(CiraListener listener) throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.send(new ProtocolVersion(1, 0, 1, CiraTestLab.randomUuid()));
            peer.sendRaw(ByteBuffer.allocate(9).put((byte) 94).putInt(0).putInt(1 << 20).array());
            for (int i = 0; i < 16; i++) {
                peer.sendRaw(new byte[64 * 1024]);
                Thread.sleep(50);
            }
        }
    }

    private static void neverReading(CiraListener listener) throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.authenticateAndForward(CiraTestLab.randomUuid(), 16992);
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < 200; i++) {
                batch.writeBytes(ApfCodec.encode(new KeepAliveRequest(i)));
            }
            byte[] bytes = batch.toByteArray();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                peer.sendRaw(bytes);
            }
        }
    }

    /** Wrong passwords from 127.0.0.9, so the ban it earns never touches the good devices on 127.0.0.1. */
    private static void guess(CiraListener listener) throws Exception {
        try (Socket plain = new Socket()) {
            plain.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.9"), 0));
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.port()), 5_000);
            plain.setSoTimeout(5_000);
            SSLSocket tls = (SSLSocket) CiraTestLab.trusting(CiraTestLab.identity().certificate())
                    .createSocket(plain, "127.0.0.1", listener.port(), false);
            OutputStream out = tls.getOutputStream();
            out.write(ApfCodec.encode(new ProtocolVersion(1, 0, 1, CiraTestLab.randomUuid())));
            out.write(ApfCodec.encode(new ServiceRequest(ApfMessage.AUTH_SERVICE)));
            out.write(ApfCodec.encode(new UserAuthRequest(CiraTestLab.USER, ApfMessage.PFWD_SERVICE,
                    ApfMessage.PASSWORD_METHOD, "guess".getBytes(StandardCharsets.UTF_8))));
            out.flush();
            tls.getInputStream().readNBytes(64);
        }
    }

    private static void slowLoris(CiraListener listener) throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            byte[] version = ApfCodec.encode(new ProtocolVersion(1, 0, 1, CiraTestLab.randomUuid()));
            for (byte b : version) {
                peer.sendRaw(new byte[] {b});
                Thread.sleep(500);
            }
        }
    }

    private static void randomApf(CiraListener listener, Random random) throws Exception {
        try (RawApfPeer peer = new RawApfPeer(listener)) {
            peer.send(new ProtocolVersion(1, 0, 1, CiraTestLab.randomUuid()));
            byte[] noise = new byte[1 + random.nextInt(2048)];
            random.nextBytes(noise);
            peer.sendRaw(noise);
            peer.next(Duration.ofSeconds(5));
        }
    }

    private static void assertBackToBaseline(long threads, long fds, long heap) throws Exception {
        Consumer<String> note = System.out::println;
        boolean settled = false;
        long nowThreads = 0;
        long nowFds = 0;
        for (int i = 0; i < 100 && !settled; i++) {
            Thread.sleep(100);
            nowThreads = platformThreads();
            nowFds = openFileDescriptors();
            settled = nowThreads <= threads + 4 && nowFds <= fds + 16;
        }
        long nowHeap = usedHeapAfterGc();
        note.accept(String.format("soak after: platform threads (not carriers) %d (before %d), fds %d (before %d), heap %+.1f MiB",
                nowThreads, threads, nowFds, fds, (nowHeap - heap) / 1048576.0));
        assertThat(nowThreads).as("platform threads").isLessThanOrEqualTo(threads + 4);
        assertThat(nowFds).as("file descriptors").isLessThanOrEqualTo(fds + 16);
        assertThat(nowHeap - heap).as("heap after GC").isLessThan(32L * 1024 * 1024);
    }

    /** Platform threads other than virtual-thread carriers, which the JDK keeps for a while after a burst. */
    private static long platformThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith("ForkJoinPool-")).count();
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
