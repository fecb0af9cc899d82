package dev.outband.app.bench;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.DeviceRepository;
import dev.outband.app.store.DeviceStore;
import dev.outband.app.ui.ConsoleFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * Frame times of the console's device table while it scrolls through 10,000 devices: the real main
 * window (as {@link ConsoleFixture} builds it) on a real store, scrolled one pulse at a time, first as a
 * fast mouse wheel does (a few rows per frame, through the table's own virtual flow), then as a dragged
 * scroll thumb does (a far-away row every frame, all cells refilled). For each it reports the interval
 * between pulses (what a user sees as smoothness; 16.7 ms is 60 frames/s) and the time of the scene's
 * CSS and layout within each pulse.
 *
 * <p>Run with the test class path: {@code java -Dglass.platform=Headless -Dprism.order=sw
 * -Djava.awt.headless=true -cp <app test class path> dev.outband.app.bench.DeviceTableScrollBench
 * [devices, default 10000] [frames per phase, default 600]}; without the two {@code -D}s on a real display.
 */
public final class DeviceTableScrollBench {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int WHEEL_ROWS_PER_FRAME = 3;

    private DeviceTableScrollBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        Path home = Files.createTempDirectory("outband-bench-table");
        try (DeviceStore store = DeviceStore.open(home, () -> null)) {
            fill(store.devices(), devices);
            Stage stage = onFx(Stage::new);
            ConsoleFixture console = onFx(() -> ConsoleFixture.show(stage, store,
                    new DeviceConnections(DeviceConnections.AMT_PORTS)));
            try {
                TableView<?> table = awaitRows(stage, devices);
                VirtualFlow<?> flow = onFx(() -> (VirtualFlow<?>) table.lookup(".virtual-flow"));
                Random random = new Random(12);
                Frames warm = run(stage, frames / 2, i -> flow.scrollPixels(WHEEL_ROWS_PER_FRAME * table.getFixedCellSize()));
                Frames wheel = run(stage, frames, i -> flow.scrollPixels(WHEEL_ROWS_PER_FRAME * table.getFixedCellSize()));
                Frames thumb = run(stage, frames, i -> table.scrollTo(random.nextInt(devices)));
                System.out.printf("Device table, %,d devices, %s platform, %d frames per phase (after %d to warm up):%n",
                        devices, System.getProperty("glass.platform", "default"), frames, warm.intervals().size());
                print("wheel, " + WHEEL_ROWS_PER_FRAME + " rows per frame", wheel);
                print("thumb, a random row per frame", thumb);
            } finally {
                onFx(() -> {
                    stage.hide();
                    return null;
                });
                console.close();
            }
        } finally {
            Platform.exit();
            BenchSupport.deleteTree(home);
        }
    }

    /** Devices named as a fleet is, with hosts, users, tags and sealed passwords, in one transaction. */
    private static void fill(DeviceRepository repository, int count) {
        List<Device> all = IntStream.rangeClosed(1, count)
                .mapToObj(i -> new DeviceDraft(String.format("pc-%05d", i), "10.%d.%d.%d".formatted(i >> 16 & 255,
                        i >> 8 & 255, i & 255), "admin", "P@ssw0rd!", i % 3 == 0,
                        List.of("floor-" + i % 7, i % 2 == 0 ? "lab" : "office")).toDevice(null, repository::seal))
                .toList();
        repository.insertAll(all);
    }

    /** Pulse intervals and CSS-plus-layout times in ns, one of each per frame. */
    private record Frames(List<Long> intervals, List<Long> layouts) {
    }

    private interface Step {
        void scroll(int frame);
    }

    /** Scrolls once per pulse for {@code count} pulses and records each pulse's timing. */
    private static Frames run(Stage stage, int count, Step step) throws Exception {
        List<Long> intervals = new ArrayList<>(count);
        List<Long> layouts = new ArrayList<>(count);
        CompletableFuture<Frames> done = new CompletableFuture<>();
        long[] layoutStart = new long[1];
        Runnable pre = () -> layoutStart[0] = System.nanoTime();
        Runnable post = () -> {
            if (layoutStart[0] != 0 && layouts.size() < intervals.size()) {
                layouts.add(System.nanoTime() - layoutStart[0]);
            }
        };
        AnimationTimer timer = new AnimationTimer() {
            private long last;
            private int frame;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    intervals.add(now - last);
                }
                last = now;
                if (frame == count) {
                    stop();
                    done.complete(new Frames(intervals, layouts));
                    return;
                }
                step.scroll(frame++);
            }
        };
        onFx(() -> {
            Scene scene = stage.getScene();
            scene.addPreLayoutPulseListener(pre);
            scene.addPostLayoutPulseListener(post);
            timer.start();
            return null;
        });
        Frames frames = done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        onFx(() -> {
            stage.getScene().removePreLayoutPulseListener(pre);
            stage.getScene().removePostLayoutPulseListener(post);
            return null;
        });
        return frames;
    }

    private static void print(String phase, Frames f) {
        List<Long> intervals = f.intervals().stream().sorted().toList();
        List<Long> layouts = f.layouts().stream().sorted().toList();
        long slow = intervals.stream().filter(t -> t > 2 * 16_667_000L).count();
        System.out.printf("  %-32s frame interval median %5.1f ms, p99 %5.1f ms, max %5.1f ms, %d of %d over 33 ms;"
                        + " CSS+layout median %5.2f ms, p99 %5.2f ms%n", phase, pct(intervals, 50), pct(intervals, 99),
                intervals.getLast() / 1e6, slow, intervals.size(), pct(layouts, 50), pct(layouts, 99));
    }

    /** Nearest-rank percentile, in ms. */
    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    private static TableView<?> awaitRows(Stage stage, int rows) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            TableView<?> table = onFx(() -> (TableView<?>) stage.getScene().lookup("#deviceTable"));
            if (table != null && onFx(() -> table.getItems().size()) == rows) {
                return table;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the table did not show " + rows + " devices in "
                        + TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return BenchSupport.onFx(work, TIMEOUT);
    }
}
