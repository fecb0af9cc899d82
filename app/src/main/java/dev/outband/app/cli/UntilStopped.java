package dev.outband.app.cli;

import java.util.concurrent.CountDownLatch;

/** How a serving command waits: until Ctrl+C (the JVM's shutdown) or until the thread running it is interrupted. */
final class UntilStopped {
    private UntilStopped() {
    }

    /**
     * Blocks until stopped; true when the running thread was interrupted, which the caller sets again once it has
     * closed what it serves.
     */
    static boolean await(CliContext ctx, String name) {
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean interrupted = false;
        try {
            stop.await();
        } catch (InterruptedException stopped) {
            // An embedding thread was interrupted: stop like Ctrl+C does.
            interrupted = true;
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        ctx.out().println("Stopping.");
        ctx.out().flush();
        return interrupted;
    }
}
