package dev.outband.app.amt;

import dev.outband.app.store.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/** One job on many devices at once, one virtual thread each; results in the devices' order. */
public final class PerDevice {
    private PerDevice() {
    }

    /**
     * Blocks until every device has its result; {@code progress} hears each as it comes. {@code job}
     * reports its own failures as results: an exception escaping it is a bug, not a device's failure.
     */
    public static <R> List<R> run(List<Device> devices, Function<Device, R> job, Consumer<R> progress)
            throws InterruptedException {
        List<Future<R>> futures = new ArrayList<>();
        try (ExecutorService perDevice = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Device device : devices) {
                futures.add(perDevice.submit(() -> {
                    R result = job.apply(device);
                    progress.accept(result);
                    return result;
                }));
            }
        }
        List<R> results = new ArrayList<>();
        for (Future<R> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a device task failed outside its own error handling", e.getCause());
            }
        }
        return results;
    }
}
