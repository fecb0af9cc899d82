package dev.outband.app.ui.ider;

import dev.outband.app.ider.BootMediaSession;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.kvm.ider.IderListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Boot media window's state: the image chosen, whether to boot from it, and the session's progress (bytes the
 * device read) and outcome. Connecting, booting and detaching run in the background; the session's events come
 * back through {@code fx}.
 */
public final class BootMediaViewModel {
    /** Opens the session; the console's is {@link BootMediaSession#attach} on its connections. */
    @FunctionalInterface
    public interface Opener {
        BootMediaSession open(Device device, Path image, IderListener listener) throws IOException;
    }

    private final Device device;
    private final Background background;
    private final Opener opener;
    private final Executor fx;
    private final StringProperty image = new SimpleStringProperty("");
    private final BooleanProperty boot = new SimpleBooleanProperty(true);
    private final SimpleStringProperty status = new SimpleStringProperty("Choose an ISO (CD) or a disk image (floppy/USB).");
    private final SimpleLongProperty bytesRead = new SimpleLongProperty();
    private final LongProperty size = new SimpleLongProperty();
    private final SimpleBooleanProperty running = new SimpleBooleanProperty();
    private final AtomicLong latestBytes = new AtomicLong();
    private final AtomicBoolean progressQueued = new AtomicBoolean();
    private BootMediaSession session;
    /** The device accepted the drives; the session may still be on its way back to the FX thread. */
    private boolean attached;
    private boolean bootWhenAttached;

    public BootMediaViewModel(Device device, Background background, Opener opener, Executor fx) {
        this.device = device;
        this.background = background;
        this.opener = opener;
        this.fx = fx;
    }

    public Device device() {
        return device;
    }

    /** The image's path as typed or chosen. */
    public StringProperty image() {
        return image;
    }

    /** Boot the device from the media once it is attached. */
    public BooleanProperty boot() {
        return boot;
    }

    public ReadOnlyStringProperty status() {
        return status;
    }

    public ReadOnlyLongProperty bytesRead() {
        return bytesRead;
    }

    public ReadOnlyLongProperty size() {
        return size;
    }

    /** From Start until the session has ended. */
    public ReadOnlyBooleanProperty running() {
        return running;
    }

    public void start() {
        Path path = Path.of(image.get().strip());
        if (!Files.isRegularFile(path)) {
            status.set("No such file: " + path);
            return;
        }
        running.set(true);
        bytesRead.set(0);
        latestBytes.set(0);
        status.set("Connecting to " + device.name() + "…");
        attached = false;
        bootWhenAttached = boot.get();
        background.submit(() -> opener.open(device, path, listener()), opened -> {
            session = opened;
            size.set(opened.media().size());
            if (!running.get()) {
                // Stopped while connecting.
                detach(opened);
            } else if (attached) {
                bootOnce();
            }
        }, failure -> {
            running.set(false);
            status.set("Not attached: " + message(failure));
        });
    }

    public void stop() {
        if (session != null) {
            status.set("Detaching…");
            detach(session);
        }
        running.set(false);
    }

    private void detach(BootMediaSession s) {
        background.submit(() -> {
            s.close();
            return s;
        }, closed -> { }, failure -> status.set("Detaching failed: " + message(failure)));
    }

    private IderListener listener() {
        return new IderListener() {
            @Override
            public void attached() {
                fx.execute(() -> {
                    attached = true;
                    status.set("Attached: " + device.name() + " sees " + Path.of(image.get().strip()).getFileName()
                            + " at its next boot." + (bootWhenAttached ? " Booting it…" : ""));
                    if (session != null) {
                        bootOnce();
                    }
                });
            }

            @Override
            public void progress(long read) {
                latestBytes.set(read);
                // One update per pulse at most: a fast read reports every chunk.
                if (progressQueued.compareAndSet(false, true)) {
                    fx.execute(() -> {
                        progressQueued.set(false);
                        bytesRead.set(latestBytes.get());
                    });
                }
            }

            @Override
            public void ended(String problem) {
                fx.execute(() -> {
                    running.set(false);
                    bytesRead.set(latestBytes.get());
                    status.set(problem == null ? "Detached. The device read " + Sizes.of(latestBytes.get()) + "."
                            : "Ended: " + problem);
                    session = null;
                });
            }
        };
    }

    /** The boot power action, once per Start, when it was asked for. */
    private void bootOnce() {
        if (!bootWhenAttached) {
            return;
        }
        bootWhenAttached = false;
        background.submit(session::boot, action -> status.set("Boot sent: " + BootMediaSession.describe(action)
                        + ". The device reads from the image as it boots."),
                failure -> status.set("Attached, but the boot failed: " + message(failure)));
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
