package dev.outband.app.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
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
        start(task);
    }

    /**
     * Blocking work whose caller shows the outcome itself (both callbacks on the FX thread), for views
     * that report failures in place; cancelling the returned task interrupts the work.
     */
    public <T> Task<T> submit(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        start(task);
        return task;
    }

    /** Work asked for while the console closes (a last selection, a follow-up read) is dropped: nobody will see it. */
    private void start(Task<?> task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closing) {
            task.cancel(false);
        }
    }
}
