package dev.outband.app.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a serving command waits: until Ctrl+C (the JVM's shutdown) or until the thread running it is interrupted.
 * Opened before what the command serves and closed after it (the first resource of its try): on Ctrl+C the JVM
 * then waits, for at most {@link #CLEAN_UP}, until the store, the listeners and the door files are closed, instead
 * of exiting while they still are open.
 */
final class UntilStopped implements AutoCloseable {
    private static final Duration CLEAN_UP = Duration.ofSeconds(20);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean shuttingDown;

    UntilStopped(String name) {
        hook = new Thread(this::shutDown, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Blocks until stopped; true when the running thread was interrupted, which the caller sets again once it has
     * closed what it serves.
     */
    boolean await(CliContext ctx) {
        boolean interrupted = false;
        try {
            stop.await();
        } catch (InterruptedException stopped) {
            // An embedding thread was interrupted: stop like Ctrl+C does.
            interrupted = true;
        }
        ctx.out().println("Stopping.");
        ctx.out().flush();
        return interrupted;
    }

    @Override
    public void close() {
        closed.countDown();
        if (!shuttingDown) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // Ctrl+C came just now: the hook runs, finds everything closed and returns at once.
            }
        }
    }

    private void shutDown() {
        shuttingDown = true;
        stop.countDown();
        try {
            closed.await(CLEAN_UP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
