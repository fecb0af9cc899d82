package dev.outband.app.bench;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.cira.LabListener;
import dev.outband.app.cira.SimulatedCiraDevice;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.store.Reach;
import dev.outband.kvm.fx.KvmView;
import dev.outband.kvm.fx.KvmWindow;
import dev.outband.kvm.rfb.RfbSession;
import dev.outband.simulator.cira.CiraClient;
import dev.outband.simulator.device.BootOptions;
import dev.outband.simulator.device.DeviceConfig;
import dev.outband.simulator.device.VirtualDevice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Key press to pixel on screen, through the whole user path on loopback: the console's lab listener
 * (cira-local's APF listener), a virtual device that called in over CIRA, its KVM opened through the
 * tunnel by {@link DeviceConnections} into the console's {@link KvmWindow}, keys fired into the
 * {@link KvmView} as the keyboard would, and the change looked for in the view's image at every JavaFX
 * pulse, after the view's own pulse copied what changed. The device shows its BIOS screen, whose line
 * of typed characters stays put (the desktop's windows move every second); presses alternate a letter
 * and Backspace, so each one changes the same few pixels.
 *
 * <p>Run with the test class path and the headless platform (or a real display without the two
 * {@code -D}s): {@code java -Dglass.platform=Headless -Dprism.order=sw -Djava.awt.headless=true -cp
 * app/target/test-classes:app/target/classes:$(cat app/target/bench.cp) dev.outband.app.bench.KvmLatencyBench
 * [presses, default 300]}.
 */
public final class KvmLatencyBench {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Sim-Passw0rd";
    /** Where the BIOS screen draws its line of typed characters (9th line, 14 px monospaced, x = 16). */
    private static final int LINE_X = 16;
    private static final int LINE_TOP = 161;
    private static final int LINE_WIDTH = 40;
    private static final int LINE_HEIGHT = 17;
    private static final Duration PRESS_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(30);
    /** Longer than the BIOS screen's once-a-second tick, so the check sees it. */
    private static final Duration STILL_CHECK = Duration.ofMillis(2500);

    private KvmLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int presses = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        Path home = Files.createTempDirectory("outband-bench-kvm");
        VirtualDevice virtual = new VirtualDevice(
                DeviceConfig.of("sim-kvm", ADMIN, ADMIN_PASSWORD).withOptInRequired(0));
        showBiosScreen(virtual);
        try (DeviceStore store = DeviceStore.open(home, () -> null);
             LabListener listener = new LabListener(SimulatedCiraDevice.loopbackSettings())) {
            listener.attach(store);
            listener.start(SimulatedCiraDevice.freePort());
            try (CiraClient ignored = SimulatedCiraDevice.connect(listener, virtual)) {
                Device device = await(() -> store.devices().findByReach(Reach.cira(virtual.uuid().toString())));
                device = store.devices().update(device.withCredentials(ADMIN, store.devices().seal(ADMIN_PASSWORD)));
                RfbSession session = new DeviceConnections(DeviceConnections.AMT_PORTS, listener).device(device).kvm();
                session.start();
                KvmWindow window = onFx(() -> {
                    KvmWindow w = new KvmWindow(session, "bench — Outband KVM", () -> {
                        throw new IllegalStateException("the bench does not reconnect");
                    });
                    w.show();
                    return w;
                });
                List<Long> latencies = measure(window.view(), presses);
                report(latencies, presses);
                onFx(() -> {
                    window.stage().hide();
                    return null;
                });
            }
        } finally {
            Platform.exit();
            BenchSupport.deleteTree(home);
        }
    }

    /** Off, then on to BIOS setup: the screen the firmware keeps until the next power action. */
    private static void showBiosScreen(VirtualDevice device) {
        device.requestPowerState(8);
        device.setBootOptions(new BootOptions(true, false, false, null, false));
        device.requestPowerState(2);
    }

    /** Latencies in ns of the presses that showed; a press whose pixels never changed is left out and counted. */
    private static List<Long> measure(KvmView view, int presses) throws Exception {
        Probe probe = new Probe(view);
        onFx(() -> {
            probe.start();
            return null;
        });
        awaitFirstFrame(view);
        assertStillWithoutPresses(probe);
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            CompletableFuture<Long> shown = probe.expectChange();
            boolean letter = i % 2 == 0;
            Platform.runLater(() -> {
                probe.pressedAt(System.nanoTime());
                press(view, letter);
            });
            try {
                latencies.add(shown.get(PRESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                probe.giveUp();
            }
            // Presses do not line up with pulses: a human's never do.
            Thread.sleep(20 + ThreadLocalRandom.current().nextInt(40));
        }
        onFx(() -> {
            probe.stop();
            return null;
        });
        return latencies;
    }

    /**
     * The watched pixels must change only when a key is pressed: the line above ticks every second and
     * the clock moves, so over a few seconds without presses nothing there may change.
     */
    private static void assertStillWithoutPresses(Probe probe) throws Exception {
        CompletableFuture<Long> changed = probe.expectChange();
        Platform.runLater(() -> probe.pressedAt(System.nanoTime()));
        try {
            long after = changed.get(STILL_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            throw new IllegalStateException("the watched line changed " + after / 1_000_000
                    + " ms into the check without a key press: the bench would time something else");
        } catch (TimeoutException expected) {
            probe.giveUp();
        }
    }

    /** A letter as KEY_PRESSED, KEY_TYPED, KEY_RELEASED; Backspace as a special key, pressed and released. */
    private static void press(KvmView view, boolean letter) {
        if (letter) {
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "x", KeyCode.X,
                    false, false, false, false));
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_TYPED, "x", "", KeyCode.UNDEFINED,
                    false, false, false, false));
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "x", KeyCode.X,
                    false, false, false, false));
        } else {
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.BACK_SPACE,
                    false, false, false, false));
            Event.fireEvent(view, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "",
                    KeyCode.BACK_SPACE, false, false, false, false));
        }
    }

    /** Watches the typed line at every pulse; started after the view, so it runs after the view's own copy. */
    private static final class Probe extends AnimationTimer {
        private final KvmView view;
        private final int[] before = new int[LINE_WIDTH * LINE_HEIGHT];
        private final int[] now = new int[LINE_WIDTH * LINE_HEIGHT];
        private CompletableFuture<Long> waiting;
        private long pressedAt;
        private boolean armed;

        Probe(KvmView view) {
            this.view = view;
        }

        /** Called on the bench thread; the FX thread takes it up with the press. */
        synchronized CompletableFuture<Long> expectChange() {
            waiting = new CompletableFuture<>();
            armed = false;
            return waiting;
        }

        /** On the FX thread, just before the key events: the line as shown now is the reference. */
        synchronized void pressedAt(long nanos) {
            read(before);
            pressedAt = nanos;
            armed = true;
        }

        synchronized void giveUp() {
            armed = false;
        }

        @Override
        public synchronized void handle(long pulse) {
            if (!armed) {
                return;
            }
            read(now);
            if (!Arrays.equals(before, now)) {
                armed = false;
                waiting.complete(System.nanoTime() - pressedAt);
            }
        }

        private void read(int[] into) {
            PixelReader pixels = view.image().getPixelReader();
            pixels.getPixels(LINE_X, LINE_TOP, LINE_WIDTH, LINE_HEIGHT,
                    PixelFormat.getIntArgbInstance(), into, 0, LINE_WIDTH);
        }
    }

    private static void awaitFirstFrame(KvmView view) throws Exception {
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        while (onFx(() -> view.image() == null || view.session().updatesReceived() == 0)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no frame from the device in " + SETUP_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
        Thread.sleep(500);
    }

    private static void report(List<Long> latencies, int presses) {
        List<Long> sorted = latencies.stream().sorted().toList();
        if (sorted.isEmpty()) {
            System.out.printf("KVM key to screen through CIRA: none of %d presses showed within %d s%n", presses,
                    PRESS_TIMEOUT.toSeconds());
            return;
        }
        System.out.printf("KVM key to screen through CIRA on loopback (lab listener, simulated device, KvmView,"
                + " %s platform):%n", System.getProperty("glass.platform", "default"));
        System.out.printf("  presses shown : %d of %d%n", sorted.size(), presses);
        System.out.printf("  median        : %6.1f ms%n", percentile(sorted, 50) / 1e6);
        System.out.printf("  p90           : %6.1f ms%n", percentile(sorted, 90) / 1e6);
        System.out.printf("  p99           : %6.1f ms%n", percentile(sorted, 99) / 1e6);
        System.out.printf("  max           : %6.1f ms%n", sorted.getLast() / 1e6);
    }

    /** Nearest-rank percentile. */
    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static <T> T await(Supplier<Optional<T>> lookup) throws InterruptedException {
        long deadline = System.nanoTime() + SETUP_TIMEOUT.toNanos();
        Optional<T> found;
        while ((found = lookup.get()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the device did not appear in " + SETUP_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
        return found.get();
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return BenchSupport.onFx(work, SETUP_TIMEOUT);
    }
}
