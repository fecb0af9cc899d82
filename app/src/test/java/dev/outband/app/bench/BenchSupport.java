package dev.outband.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;

/** What the JavaFX benchmarks share: work on the FX thread with a deadline, and their temporary data folder. */
final class BenchSupport {
    private BenchSupport() {
    }

    /** Runs {@code work} on the FX thread and waits at most {@code timeout} for its result. */
    static <T> T onFx(Callable<T> work, Duration timeout) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
