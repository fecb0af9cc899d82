package dev.outband.app.ui.ider;

import dev.outband.app.amt.KvmConsent;
import dev.outband.app.ider.BootMediaSession;
import dev.outband.app.store.Device;
import dev.outband.app.ui.Background;
import dev.outband.kvm.ider.IderListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    /** The device's user consent, asked before IDE-R when it requires consent for every redirection. */
    @FunctionalInterface
    public interface Consents {
        KvmConsent of(Device device) throws IOException;
    }

    /** Asks the technician for the code on the device's screen (on the FX thread); empty when cancelled. */
    @FunctionalInterface
    public interface CodeAsker {
        Optional<String> ask(String problem);
    }

    private final Device device;
    private final Background background;
    private final Opener opener;
    private final Consents consents;
    private final CodeAsker asker;
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

    public BootMediaViewModel(Device device, Background background, Opener opener, Consents consents,
            CodeAsker asker, Executor fx) {
        this.device = device;
        this.background = background;
        this.opener = opener;
        this.consents = consents;
        this.asker = asker;
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
        background.submit(() -> {
            KvmConsent consent = consents.of(device);
            return consent.begin() ? Optional.of(consent) : Optional.<KvmConsent>empty();
        }, consent -> consent.ifPresentOrElse(c -> askCode(c, path, null), () -> attach(path)), this::notAttached);
    }

    private void askCode(KvmConsent consent, Path path, String problem) {
        status.set(device.name() + " shows a user consent code on its screen.");
        Optional<String> typed = asker.ask(problem);
        if (typed.isEmpty()) {
            running.set(false);
            status.set("Not attached: no consent code was given.");
            // Best effort: a code left on the device's screen times out there by itself.
            background.submit(() -> {
                consent.cancel();
                return consent;
            }, c -> { }, failure -> { });
            return;
        }
        background.submit(() -> consent.send(typed.get()), outcome -> {
            switch (outcome) {
                case ACCEPTED -> attach(path);
                case WRONG_CODE -> askCode(consent, path,
                        "The device refused that code. Check the 6 digits on its screen and try again.");
                case RESTARTED -> askCode(consent, path,
                        "The device dropped the request after wrong codes and now shows a new code.");
            }
        }, this::notAttached);
    }

    private void notAttached(Throwable failure) {
        running.set(false);
        status.set("Not attached: " + message(failure));
    }

    private void attach(Path path) {
        status.set("Connecting to " + device.name() + "…");
        background.submit(() -> opener.open(device, path, listener()), opened -> {
            session = opened;
            size.set(opened.media().size());
            if (!running.get()) {
                // Stopped while connecting.
                detach(opened);
            } else if (attached) {
                bootOnce();
            }
        }, this::notAttached);
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
