package dev.outband.app.cli;

import dev.outband.app.amt.DeviceConnections;
import dev.outband.app.amt.KvmConsent;
import dev.outband.app.ider.BootMediaSession;
import dev.outband.app.store.Device;
import dev.outband.kvm.ider.BootMedia;
import dev.outband.kvm.ider.IderListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code outband ider DEVICE --iso FILE [--boot]}: mounts a local image as the device's IDE-R boot media and stays
 * attached, printing what the device reads, until Ctrl-C or the device ends the session.
 */
@Command(name = "ider", mixinStandardHelpOptions = true,
        description = "Mount a local ISO (CD) or disk image (floppy/USB) as the device's IDE-R boot media;"
                + " stays attached until Ctrl-C.")
final class IderCommand implements Callable<Integer> {
    /** How often progress is printed while the device reads. */
    private static final long PROGRESS_EVERY_MILLIS = 1000;
    /** How long the device may take to accept the drives before the boot is given up. */
    private static final long ATTACH_WAIT_SECONDS = 30;

    private final CliContext ctx;

    @Parameters(paramLabel = "DEVICE", description = "Device name (reached directly or over CIRA).")
    String name;

    @ArgGroup(multiplicity = "1")
    Image image;

    static final class Image {
        @Option(names = "--iso", paramLabel = "FILE", description = "ISO 9660 image, served as the CD drive.")
        Path iso;

        @Option(names = "--image", paramLabel = "FILE", description = "Raw floppy or USB image, served as the floppy drive.")
        Path raw;
    }

    @Option(names = "--boot", description = "Then boot the device from it once (power on, or reset when it runs).")
    boolean boot;

    IderCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Path file = image.iso != null ? image.iso : image.raw;
        if (image.raw != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".iso")) {
            throw new UserException(file + " looks like an ISO: give it with --iso");
        }
        DeviceLookup.Found found = DeviceLookup.find(ctx, new StoreVisits(ctx), name);
        Device device = found.devices().getFirst();
        DeviceConnections connections = ctx.connections().serving(found.remote());
        KvmConsent consent = KvmConsent.forAllRedirection(connections.device(device));
        if (consent.begin()) {
            ConsentPrompt.obtain(ctx, device, consent);
        }
        CompletableFuture<String> ended = new CompletableFuture<>();
        CompletableFuture<Void> attached = new CompletableFuture<>();
        IderListener listener = new IderListener() {
            @Override
            public void attached() {
                attached.complete(null);
            }

            @Override
            public void ended(String problem) {
                ended.complete(problem == null ? "" : problem);
            }
        };
        BootMediaSession session = BootMediaSession.attach(connections, device, file, listener);
        AtomicBoolean signalled = new AtomicBoolean();
        Thread stopper = new Thread(() -> {
            signalled.set(true);
            closeQuietly(session);
            ctx.out().printf("%nStopped: the device read %,d bytes.%n", session.bytesRead());
            ctx.out().flush();
        }, "ider-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            ctx.out().printf("%s: %s attached as IDE-R %s (%,d bytes). Ctrl-C detaches it.%n", device.name(),
                    file.getFileName(), session.media().kind() == BootMedia.Kind.CD ? "CD" : "floppy",
                    session.media().size());
            if (boot) {
                try {
                    CompletableFuture.anyOf(attached, ended).get(ATTACH_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new UserException(device.name() + " did not accept the IDE-R drives within "
                            + ATTACH_WAIT_SECONDS + " s; not booting");
                }
                if (attached.isDone()) {
                    ctx.out().printf("Boot: %s sent.%n", BootMediaSession.describe(session.boot()));
                }
            }
            return follow(session, ended);
        } finally {
            // Ctrl-C: the hook detaches and reports; a hook cannot be removed while the JVM shuts down.
            if (!signalled.get()) {
                Runtime.getRuntime().removeShutdownHook(stopper);
                closeQuietly(session);
            }
        }
    }

    /** Prints the bytes read whenever they change, until the session ends. */
    private int follow(BootMediaSession session, CompletableFuture<String> ended) throws Exception {
        long shown = -1;
        while (true) {
            try {
                String problem = ended.get(PROGRESS_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                if (problem.isEmpty()) {
                    return ExitCode.OK;
                }
                ctx.out().printf("Read %,d bytes.%n", session.bytesRead());
                throw new UserException("IDE-R session on " + session.device().name() + " ended: " + problem);
            } catch (TimeoutException stillAttached) {
                long now = session.bytesRead();
                if (now != shown) {
                    ctx.out().printf("Read %,d bytes.%n", now);
                    ctx.out().flush();
                    shown = now;
                }
            }
        }
    }

    private static void closeQuietly(BootMediaSession session) {
        try {
            session.close();
        } catch (IOException ignored) {
            // Detaching is best effort: the connection is closed either way.
        }
    }
}
