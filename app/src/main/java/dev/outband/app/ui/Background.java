package dev.outband.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.concurrent.Task;

/** Runs blocking work off the FX thread; the outcome comes back on the FX thread, failures go to one presenter. */
public final class Background {
    private final Executor executor;
    private final ErrorPresenter errors;

    public Background(Executor executor, ErrorPresenter errors) {
        this.executor = executor;
        this.errors = errors;
    }

    public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess) {
        run(what, work, onSuccess, failure -> false);
    }

    /** As {@link #run(String, Callable, Consumer)}; {@code recovered} sees a failure first and returns true when it dealt with it. */
    public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Predicate<Throwable> recovered) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            if (!recovered.test(task.getException())) {
                errors.show(what, task.getException());
            }
        });
        executor.execute(task);
    }
}
